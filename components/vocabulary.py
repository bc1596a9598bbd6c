"""The words the assistant knows, shared by the spelling normaliser and the unknown-words guard.

A word is known if it is in the training data, in spaCy's English lemma table
(spacy-lookups-data) or its English stop words, or is a medicine name the entity ruler knows.
Loaded once per process: the English table takes a moment to read.
"""
import gzip
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, List, Text

import spacy_lookups_data
import symspellpy
from spacy.lang.en.stop_words import STOP_WORDS

ROOT = Path(__file__).resolve().parent.parent
MEDICATION_FILE = ROOT / "data" / "spacy" / "medication_patterns.txt"
SHORTHAND_FILE = ROOT / "data" / "spelling" / "shorthand.txt"
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def words(text: Text) -> List[Text]:
    return [w.lower() for w in WORD.findall(text or "")]


@lru_cache(maxsize=1)
def english_words() -> FrozenSet[Text]:
    """English words spaCy knows: the lemma lookup table (content words) and stop words."""
    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lemma_lookup.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        table = json.load(handle)
    return frozenset({w.lower() for w in table} | {w.lower() for w in table.values()}
                     | {w.lower() for w in STOP_WORDS})


@lru_cache(maxsize=1)
def common_english_words() -> FrozenSet[Text]:
    """The 82,765 words of symspellpy's English frequency list: real words the spelling
    normaliser must never "correct" ("ago" is not in spaCy's lemma table)."""
    path = Path(symspellpy.__file__).parent / "frequency_dictionary_en_82_765.txt"
    with path.open(encoding="utf-8") as handle:
        return frozenset(line.split(" ", 1)[0] for line in handle if line.strip())


def _entries(path: Path) -> List[Text]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def medication_words() -> FrozenSet[Text]:
    """Every word of the medicine names and spellings the entity ruler knows."""
    return frozenset(w for line in _entries(MEDICATION_FILE) for w in words(line))


@lru_cache(maxsize=1)
def shorthand() -> Dict[Text, Text]:
    """Texting shorthand -> the words it stands for (data/spelling/shorthand.txt)."""
    table = {}
    for line in _entries(SHORTHAND_FILE):
        short, _, meaning = line.partition(" ")
        table[short.lower()] = meaning.strip()
    return table
