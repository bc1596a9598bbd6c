"""Identifiers out of what is stored: typed placeholders instead of names, dates, phone numbers,
e-mail addresses, street addresses and record numbers.

`redact(text)` returns the text with each identifier replaced by [NAME], [DATE], [PHONE],
[EMAIL], [ADDRESS] or [ID]. `redact_event(data)` applies it to a serialised user event (its
`text`, `parse_data.text`, entity values and every string in the metadata). The tracker store
calls it just before a row is written (storage/event_rows.py), so understanding and
the answer run on the original text and only what is at rest is redacted.

Libraries, and why:
- `presidio-analyzer` (Microsoft, MIT): its pattern recognizers for dates, e-mail addresses and
  US social security numbers are used as plain `PatternRecognizer`s, without Presidio's
  `AnalyzerEngine`, whose default NLP engine needs a downloaded spaCy model (none exists here).
  Presidio's `EmailRecognizer` class itself is not used: its validation calls `tldextract`,
  which fetches the public-suffix list from the network on first use. Its pattern is reused.
- `phonenumbers` (the Python port of Google's libphonenumber, Apache-2.0): finds phone numbers
  in every national and international format, with and without country code.
- Names: no NER model can be downloaded, so names are found after cue phrases ("my name is",
  "this is ... calling", "I'm", "call me", a signature such as "Thanks, Ann"). Words the
  assistant is trained on (data/nlu) and medicine names (data/spacy) are never taken for names.
- Street addresses and record numbers: regular expressions below.

Cost: everything is compiled once at import; a message without a digit, an "@" or a name cue
only runs three searches (scripts/redaction_timing.py measures it).
"""

import re
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Set, Text, Tuple

import phonenumbers
from presidio_analyzer import PatternRecognizer

from storage.redaction_patterns import (
    _DATES,
    _EMAILS,
    _NAME_WORD,
    _PARTICLE,
    _SSNS,
    BARE_ID,
    CUED_ADDRESS,
    CUED_ID,
    NAME_CUES,
    NOT_NAMES,
    STREET_ADDRESS,
    TITLED_NAME,
    WRITTEN_DATE,
)
from vertebro.names import ORIGINAL_TEXT

ROOT = Path(__file__).resolve().parent.parent
MEDICATION_FILE = ROOT / "data" / "spacy" / "medication_patterns.txt"
NLU_DIR = ROOT / "data" / "nlu"

NAME, DATE, PHONE, EMAIL, ADDRESS, ID = (
    "[NAME]",
    "[DATE]",
    "[PHONE]",
    "[EMAIL]",
    "[ADDRESS]",
    "[ID]",
)
PLACEHOLDERS = (NAME, DATE, PHONE, EMAIL, ADDRESS, ID)
# Phone numbers are looked for in the country of the hospital's patients first.
PHONE_REGION = "US"


def _load_known_words() -> Set[Text]:
    """Words of the training examples and medicine spellings: never a patient's name."""
    words: Set[Text] = set()
    for path in sorted(NLU_DIR.glob("*.yml")) if NLU_DIR.is_dir() else []:
        words.update(re.findall(r"[a-z][a-z'-]+", path.read_text(encoding="utf-8").lower()))
    return words


def _load_medicines() -> Set[Text]:
    names: Set[Text] = set()
    if MEDICATION_FILE.is_file():
        for line in MEDICATION_FILE.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#") and ":" in line:
                canonical, spelling = line.split(":", 1)
                names.update(w.lower() for w in (canonical + " " + spelling).split())
    return names


MEDICINES = _load_medicines()
# Names that patients have and the training data happens to contain are still names.
_TRAINED_NAMES = {"john", "bob", "mary", "margaret", "linda", "susan", "james", "robert"}
KNOWN_WORDS = (_load_known_words() - _TRAINED_NAMES) | NOT_NAMES | MEDICINES


def _name_span(match: "re.Match", strong: bool) -> Tuple[int, int]:
    """The part of a cued name that is a name: leading words that are not known words (any
    case after a strong cue; capitalised only after "I'm"). (start, start) when none."""
    start = end = match.start("name")
    for word in re.finditer(r"(?:[A-Z]\.\s*)?" + _NAME_WORD, match.group("name")):
        token = (
            word.group().lower().rstrip("'\u2019s")
            if word.group().lower().endswith(("'s", "\u2019s"))
            else word.group().lower()
        )
        if end > start and re.fullmatch(_PARTICLE, token):
            continue  # kept if a name word follows
        if token in KNOWN_WORDS or token.rstrip(".") in KNOWN_WORDS:
            break
        if not strong and not word.group()[0].isupper():
            break
        end = match.start("name") + word.end()
    return start, end


def _name_spans(text: Text) -> Iterable[Tuple[int, int, Text]]:
    for match in NAME_CUES.finditer(text):
        start, end = _name_span(match, strong=match.group("strong") is not None)
        if end > start:
            yield start, end, NAME
    for match in TITLED_NAME.finditer(text):
        yield match.start("name"), match.end("name"), NAME


def _presidio_spans(
    recognizer: PatternRecognizer, text: Text, label: Text
) -> Iterable[Tuple[int, int, Text]]:
    for result in recognizer.analyze(text, recognizer.supported_entities):
        yield result.start, result.end, label


def spans(text: Text) -> List[Tuple[int, int, Text]]:
    """(start, end, placeholder) of every identifier found, not overlapping, in order."""
    found: List[Tuple[int, int, Text]] = []
    if "@" in text:
        found.extend(_presidio_spans(_EMAILS, text, EMAIL))
    if any(char.isdigit() for char in text):
        for match in CUED_ADDRESS.finditer(text):
            found.append((match.start("address"), match.end("address"), ADDRESS))
        found.extend((m.start(), m.end(), ADDRESS) for m in STREET_ADDRESS.finditer(text))
        found.extend((m.start(), m.end(), DATE) for m in WRITTEN_DATE.finditer(text))
        found.extend(_presidio_spans(_DATES, text, DATE))
        found.extend(_presidio_spans(_SSNS, text, ID))
        found.extend((m.start("id"), m.end("id"), ID) for m in CUED_ID.finditer(text))
        for match in phonenumbers.PhoneNumberMatcher(
            text, PHONE_REGION, leniency=phonenumbers.Leniency.POSSIBLE
        ):
            found.append((match.start, match.end, PHONE))
        found.extend((m.start(), m.end(), ID) for m in BARE_ID.finditer(text))
    else:
        found.extend((m.start(), m.end(), DATE) for m in WRITTEN_DATE.finditer(text))
    found.extend(_name_spans(text))
    # Earlier first; of two overlapping spans the longer wins (an address holds its number).
    found.sort(key=lambda span: (span[0], -(span[1] - span[0])))
    kept: List[Tuple[int, int, Text]] = []
    for start, end, label in found:
        if kept and start < kept[-1][1]:
            if end > kept[-1][1] and (end - start) > (kept[-1][1] - kept[-1][0]):
                kept[-1] = (kept[-1][0], end, kept[-1][2])
            continue
        kept.append((start, end, label))
    return kept


Memo = Dict[Text, Tuple[Text, List[Tuple[int, int, Text]]]]


def _redact_with_spans(text: Text, memo: Optional[Memo] = None) -> Tuple[Text, List]:
    """(redacted text, spans) of a non-empty string. `memo` holds what one event has already
    redacted: the user's text is copied into `parse_data.text` (and often into entities and
    metadata), so each distinct string is searched once per event (bench/README.md measures
    redaction per stored turn)."""
    if memo is not None and text in memo:
        return memo[text]
    found = spans(text)
    redacted = text
    if found:
        pieces, position = [], 0
        for start, end, label in found:
            pieces.append(text[position:start])
            pieces.append(label)
            position = end
        pieces.append(text[position:])
        redacted = "".join(pieces)
    if memo is not None:
        memo[text] = (redacted, found)
    return redacted, found


def redact(text: Any, memo: Optional[Memo] = None) -> Any:
    """The text with identifiers replaced by typed placeholders; non-strings unchanged."""
    if not isinstance(text, str) or not text:
        return text
    return _redact_with_spans(text, memo)[0]


def _redact_values(value: Any, memo: Optional[Memo] = None) -> Any:
    if isinstance(value, str):
        return redact(value, memo)
    if isinstance(value, dict):
        return {key: _redact_values(item, memo) for key, item in value.items()}
    if isinstance(value, list):
        return [_redact_values(item, memo) for item in value]
    return value


def _covering_label(
    entity: Dict[Text, Any], text: Text, found: List[Tuple[int, int, Text]]
) -> Optional[Text]:
    """The placeholder of the redacted part an entity overlaps (by offsets) or whose words its
    value contains; None if it touches none."""
    start, end, value = entity.get("start"), entity.get("end"), entity.get("value")
    for span_start, span_end, label in found:
        if (
            isinstance(start, int)
            and isinstance(end, int)
            and start < span_end
            and span_start < end
        ):
            return label
        if isinstance(value, str) and text[span_start:span_end].lower() in value.lower():
            return label
    return None


def redact_event(data: Dict[Text, Any]) -> Dict[Text, Any]:
    """A serialised user event (`Event.as_dict()`) with identifiers redacted wherever the
    patient's words are copied: `text`, `parse_data.text`, entity values and texts, and every
    string of the metadata (of the event and of parse_data), and the normaliser's copy of the
    original words (`text_original`). Other events are returned as is."""
    if data.get("event") != "user":
        return data
    memo: Memo = {}
    data = dict(data)
    data["text"] = redact(data.get("text"), memo)
    if isinstance(data.get("metadata"), dict):
        data["metadata"] = _redact_values(data["metadata"], memo)
    parse_data = data.get("parse_data")
    if isinstance(parse_data, dict):
        original = parse_data.get("text") if isinstance(parse_data.get("text"), str) else ""
        found = _redact_with_spans(original, memo)[1] if original else []
        parse_data = dict(parse_data)
        parse_data["text"] = redact(parse_data.get("text"), memo)
        if isinstance(parse_data.get("metadata"), dict):
            parse_data["metadata"] = _redact_values(parse_data["metadata"], memo)
        entities = []
        for entity in parse_data.get("entities") or []:
            if isinstance(entity, dict):
                entity = dict(entity)
                # An entity inside a redacted part of the text ("Ruth Okafor") becomes that
                # part's placeholder, whatever its value was normalised to.
                label = _covering_label(entity, original, found)
                for key in ("value", "text"):
                    if key in entity:
                        entity[key] = label or _redact_values(entity[key], memo)
            entities.append(entity)
        if "entities" in parse_data:
            parse_data["entities"] = entities
        if ORIGINAL_TEXT in parse_data:
            # The spelling normaliser (components/normaliser.py) understood a corrected copy
            # and kept the patient's words beside it; a corrected name may no longer look like
            # one, so what is stored is the patient's words, redacted, and no second copy.
            parse_data["text"] = data["text"]
            del parse_data[ORIGINAL_TEXT]
        data["parse_data"] = parse_data
    return data


__all__ = ["redact", "redact_event", "spans", "PLACEHOLDERS"]
