"""The alphabets of SMS: GSM-7 (GSM 03.38), 160 septets a segment (153 when concatenated), and
UCS-2, which a phone uses for a message with any character outside GSM-7 (á, í, ó, ú...):
70 characters a segment (67 when concatenated).

- `to_sms`: what goes out: look-alike punctuation replaced (so English stays GSM-7), letters
  kept as they are (a Spanish answer keeps its accents and goes out as UCS-2), emoji dropped.
- `to_gsm`: the text forced into GSM-7, accents folded (the keyword replies and outage texts).
- `sms_length(text, limit)`: how much of a GSM-7 `limit` the text uses in the encoding the
  phone will use: GSM-7 septets, or UCS-2 characters scaled to the same number of segments.
"""

import unicodedata
from typing import Text

# GSM 03.38 basic character set (without the ESC character) and its extension table; an
# extension character takes 2 septets.
GSM_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = set("^{}\\[~]|€\f")

# Characters that commonly slip into text (from word processors, copy and paste) and would force
# the whole message into UCS-2 (70 characters a segment instead of 160).
GSM_SUBSTITUTIONS = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u2039": "'",
    "\u203a": "'",
    "`": "'",
    "\u00b4": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u00ad": "",
    "\u2026": "...",
    "\u2022": "-",
    "\u00b7": "-",
    "\u25cf": "-",
    "\u00a0": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2007": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u202f": " ",
    "\t": " ",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",
    "\u00d7": "x",
    "\u2122": "TM",
    "\u00ae": "(R)",
    "\u00a9": "(C)",
}


def _gsm_char(char: Text) -> Text:
    if char in GSM_BASIC or char in GSM_EXTENSION:
        return char
    if char in GSM_SUBSTITUTIONS:
        return GSM_SUBSTITUTIONS[char]
    # Accented letters outside GSM-7 (á, í, ó, ú, ...): the base letter.
    folded = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    if folded and all(c in GSM_BASIC for c in folded):
        return folded
    return ""  # emoji and other symbols: dropped rather than turning the SMS into UCS-2


def to_sms(text: Text) -> Text:
    """The text as it goes out: GSM-7 where a look-alike exists, other letters kept (UCS-2)."""
    out = []
    for char in text:
        if char in GSM_BASIC or char in GSM_EXTENSION:
            out.append(char)
        elif char in GSM_SUBSTITUTIONS:
            out.append(GSM_SUBSTITUTIONS[char])
        elif unicodedata.category(char).startswith("L"):
            out.append(char)
        else:
            out.append(_gsm_char(char))
    return "".join(out)


# A concatenated segment holds 153 GSM-7 septets or 67 UCS-2 characters.
GSM_SEGMENT, UCS2_SEGMENT = 153, 67


def ucs2_length(text: Text) -> int:
    """Length in UCS-2 code units (a character outside the Basic Multilingual Plane takes 2)."""
    return len(text.encode("utf-16-le")) // 2


def sms_length(text: Text, limit: int) -> int:
    """The text's size against a GSM-7 `limit`: its septets if it is GSM-7, else its UCS-2
    characters scaled so that `limit` allows as many segments (306 septets = 2 segments =
    134 UCS-2 characters)."""
    if is_gsm(text):
        return gsm_length(text)
    ucs2_limit = max(1, limit * UCS2_SEGMENT // GSM_SEGMENT)
    return -(-ucs2_length(text) * limit // ucs2_limit)


def to_gsm(text: Text) -> Text:
    """The text in the GSM-7 alphabet: common punctuation replaced, accents folded."""
    return "".join(_gsm_char(char) for char in text)


def gsm_length(text: Text) -> int:
    """Length in GSM-7 septets (extension characters count twice)."""
    return sum(2 if char in GSM_EXTENSION else 1 for char in text)


def is_gsm(text: Text) -> bool:
    return all(char in GSM_BASIC or char in GSM_EXTENSION for char in text)
