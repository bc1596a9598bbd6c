"""The words the assistant knows, shared by the spelling normaliser and the unknown-words guard.

A word is known if it is in the training data, in spaCy's English or Spanish lemma table
(spacy-lookups-data) or their stop words, or is a medicine name the entity ruler knows.
Spanish words are known with and without their accents ("recuperación", "recuperacion"), as
patients type both. Loaded once per process: the tables take a moment to read.
"""

import gzip
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, List, Text

import spacy_lookups_data
import symspellpy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lang.es.stop_words import STOP_WORDS as SPANISH_STOP_WORDS

ROOT = Path(__file__).resolve().parent.parent
MEDICATION_FILE = ROOT / "data" / "spacy" / "medication_patterns.txt"
SHORTHAND_FILE = ROOT / "data" / "spelling" / "shorthand.txt"
SPANISH_SHORTHAND_FILE = ROOT / "data" / "spelling" / "shorthand_es.txt"
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def words(text: Text) -> List[Text]:
    return [w.lower() for w in WORD.findall(text or "")]


@lru_cache(maxsize=1)
def english_words() -> FrozenSet[Text]:
    """English words spaCy knows: the lemma lookup table (content words) and stop words."""
    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lemma_lookup.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        table = json.load(handle)
    return frozenset(
        {w.lower() for w in table}
        | {w.lower() for w in table.values()}
        | {w.lower() for w in STOP_WORDS}
    )


def without_accents(word: Text) -> Text:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def spanish_words() -> FrozenSet[Text]:
    """Spanish words spaCy knows (its Spanish lemma table and stop words), with and without
    accents."""
    path = Path(spacy_lookups_data.__file__).parent / "data" / "es_lemma_lookup.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        table = json.load(handle)
    found = (
        {w.lower() for w in table}
        | {w.lower() for w in table.values()}
        | {w.lower() for w in SPANISH_STOP_WORDS}
    )
    return frozenset(found | {without_accents(w) for w in found})


@lru_cache(maxsize=1)
def common_english_words() -> FrozenSet[Text]:
    """The 82,765 words of symspellpy's English frequency list: real words the spelling
    normaliser must never "correct" ("ago" is not in spaCy's lemma table)."""
    path = Path(symspellpy.__file__).parent / "frequency_dictionary_en_82_765.txt"
    with path.open(encoding="utf-8") as handle:
        return frozenset(line.split(" ", 1)[0] for line in handle if line.strip())


def _entries(path: Path) -> List[Text]:
    return [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


@lru_cache(maxsize=1)
def medication_words() -> FrozenSet[Text]:
    """Every word of the medicine names and spellings the entity ruler knows."""
    return frozenset(w for line in _entries(MEDICATION_FILE) for w in words(line))


@lru_cache(maxsize=2)
def shorthand(spanish: bool = False) -> Dict[Text, Text]:
    """Texting shorthand -> the words it stands for (data/spelling/shorthand.txt, or
    shorthand_es.txt for a Spanish message: "q" is "que" there, and "y" is "and", not "why")."""
    table = {}
    for line in _entries(SPANISH_SHORTHAND_FILE if spanish else SHORTHAND_FILE):
        short, _, meaning = line.partition(" ")
        table[short.lower()] = meaning.strip()
    return table
