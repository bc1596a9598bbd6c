"""Spelling and texting shorthand, read as the words they stand for. Pure Python, no Rasa.

"hw lng 4 recovry" -> "how long 4 recovery"; "wil it hurtt" -> "will it hurt".

1. Shorthand from data/spelling/shorthand.txt ("hw" -> "how", "b4" -> "before"), whole words only;
   for a message that reads as Spanish, data/spelling/shorthand_es.txt instead ("q" -> "que").
2. A word nobody knows (not in the training data, spaCy's English or Spanish words, symspellpy's
   list of common English words or the medicine names)
   is corrected to the closest word of the project's own vocabulary (the training data and the
   medicine names), if one is close enough: 1 edit for words of up to `short_word` letters, 2
   for longer ones. Known words and numbers are never changed.

symspellpy (MIT, maintained, Symmetric Delete) was chosen over pyspellchecker because a lookup
is a hash probe, not a generation of every candidate edit: microseconds a word, and it takes our
own vocabulary with counts, so the likelier of two close training words wins.
"""

import re
from typing import Dict, Iterable, Optional, Set, Text

from symspellpy import SymSpell, Verbosity

from components.vocabulary import (
    common_english_words,
    english_words,
    medication_words,
    shorthand,
)

TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|\w+/\w*|\w+", re.UNICODE)
# Laughter is never a misspelling: "haha" read as the Spanish "haga" loses the joke that tells
# the safety layer a message is not an emergency (components/red_flag_rules.py).
LAUGHTER = re.compile(r"(ha|he|ja|je|hi)+h?|l+o+l+|lmf?ao+|rofl", re.IGNORECASE)


class Normaliser:
    def __init__(
        self,
        vocabulary_counts: Dict[Text, int],
        max_edit_distance: int = 2,
        short_word: int = 4,
        min_word_length: int = 3,
    ) -> None:
        self.max_edit_distance = max_edit_distance
        self.short_word = short_word
        self.min_word_length = min_word_length
        self.shorthand = shorthand()
        self.spanish_shorthand = shorthand(spanish=True)
        targets = dict(vocabulary_counts)
        for word in medication_words():
            targets.setdefault(word, 1)
        # Spanish words are not protected here: a Spanish message is not corrected at all
        # (normalise), and an English misspelling that happens to be a Spanish word ("pie",
        # "paso") must still be corrected as before.
        self.known: Set[Text] = set(targets) | english_words() | common_english_words()
        self.speller = SymSpell(max_dictionary_edit_distance=max_edit_distance, prefix_length=7)
        for word, count in targets.items():
            if len(word) >= self.min_word_length or word in english_words():
                self.speller.create_dictionary_entry(word, max(int(count), 1))
        self._cache: Dict[Text, Text] = {}

    def correct(self, word: Text, table: Optional[Dict[Text, Text]] = None) -> Text:
        """The word as the project knows it (lower case), or the word itself."""
        lower = word.lower()
        table = self.shorthand if table is None else table
        if lower in table:
            return table[lower]
        if (
            lower in self.known
            or len(lower) < self.min_word_length
            or not lower.isalpha()
            or LAUGHTER.fullmatch(lower)
        ):
            return word
        cached = self._cache.get(lower)
        if cached is None:
            distance = 1 if len(lower) <= self.short_word else self.max_edit_distance
            found = self.speller.lookup(lower, Verbosity.TOP, max_edit_distance=distance)
            cached = found[0].term if found else lower
            if len(self._cache) < 50_000:
                self._cache[lower] = cached
        return word if cached == lower else cached

    def normalise(self, text: Text, spanish: bool = False) -> Text:
        """`spanish`: the message reads as Spanish, so Spanish shorthand applies, not English,
        and no spelling correction: the nearest training word of an unknown Spanish word is
        too often an English one ("allá" -> "all"); the classifier's character n-grams read
        Spanish misspellings well enough."""
        if spanish:
            table = self.spanish_shorthand
            return TOKEN.sub(lambda m: table.get(m.group(0).lower(), m.group(0)), text)
        return TOKEN.sub(lambda m: self.correct(m.group(0), self.shorthand), text)


def vocabulary_counts(texts: Iterable[Text]) -> Dict[Text, int]:
    """Word -> how often it appears in `texts` (the training examples)."""
    counts: Dict[Text, int] = {}
    for text in texts:
        for word in TOKEN.findall((text or "").lower()):
            if word.isalpha():
                counts[word] = counts.get(word, 0) + 1
    return counts


def changed(original: Text, normalised: Optional[Text]) -> bool:
    return normalised is not None and normalised != original
