"""Bot text as it goes out by SMS: markdown removed, spaces folded, GSM-7 where it can be
(channels/sms/gsm.py `to_sms`: Spanish letters are kept, and the body goes out as UCS-2)."""

import re
from typing import Text

from channels.sms.gsm import to_sms

_LINK = re.compile(r"\[([^\]]+)\]\(\s*([^)\s]+)\s*\)")
_MARKUP = [
    (re.compile(r"\*\*(.+?)\*\*", re.S), r"\1"),
    (re.compile(r"__(.+?)__", re.S), r"\1"),
    (re.compile(r"~~(.+?)~~", re.S), r"\1"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", re.S), r"\1"),
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)", re.S), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"^\s{0,3}#{1,6}\s+", re.M), ""),
    (re.compile(r"^\s*[*+]\s+", re.M), "- "),
]


def _link(match: "re.Match") -> Text:
    label, url = match.group(1).strip(), match.group(2)
    if url.lower().startswith(("tel:", "sms:", "mailto:")) or url in label:
        return label
    return f"{label} ({url})"


def to_plain_text(text: Text) -> Text:
    """Markdown removed (bold, italics, links, headings), spaces folded, lines kept."""
    text = _LINK.sub(_link, text)
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    return _fold_spaces(text)


def _fold_spaces(text: Text) -> Text:
    """Runs of spaces folded, lines trimmed, empty lines dropped."""
    lines = (" ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def sms_text(text: Text) -> Text:
    """Bot text as it goes out by SMS: plain, GSM-7 only."""
    return _fold_spaces(to_sms(to_plain_text(text)))
