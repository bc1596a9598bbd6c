"""Rasa NLU component: don't answer confidently when we know none of the words.

Gibberish, another language, or a wall of repeated characters can still get a confident
intent from character n-grams ("xxxx...x" looked like "thanks"). This component sends such
messages to `nlu_fallback` ("Sorry, I did not understand... call ..."), so the assistant never
answers from a guess. It reads the message after the spelling normaliser (components/spelling.py), so
"hw lng 4 recovry" counts as known words; real gibberish stays unknown. What counts as a
known word: components/vocabulary.py.

The vocabulary (the training words and the English, Spanish and medicine words: about 750,000)
is built at training and stored in the model as a marisa-trie (`marisa-trie`, MIT, maintained:
a static, compact trie with fast membership). Built as Python sets from spaCy's lemma tables
in every process, it was the largest part of the Rasa server's peak memory and of its start
(the bench's "peak RSS" and "start to ready" rows); the trie loads from the model at once.
"""

import re
from typing import Any, Container, Dict, List, Optional, Set, Text

import marisa_trie
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.graph_base import StoredComponent
from components.model_files import load_json, save_json
from components.vocabulary import english_words, medication_words, spanish_words, words
from vertebro.names import FALLBACK_INTENT

HELD_DOWN = re.compile(r"(\w)\1{2,}")  # a letter typed 3+ times in a row: "heyyy", "sooo"
VOCABULARY_FILE = "vocabulary.json"  # the training words (kept for reports and tests)
TRIE_FILE = "vocabulary.marisa"  # every known word


def build_vocabulary(training_words: Set[Text]) -> "marisa_trie.Trie":
    return marisa_trie.Trie(training_words | english_words() | spanish_words() | medication_words())


def is_known(word: Text, vocabulary: Container[Text]) -> bool:
    """In the vocabulary as typed, or with a held-down letter written once or twice
    ("hellooo" -> "hello", "sooo" -> "so", "pleeease" -> "please"). "xxxxx" stays unknown."""
    if word in vocabulary:
        return True
    if not HELD_DOWN.search(word):
        return False
    return any(
        len(v) > 1 and v in vocabulary
        for v in (HELD_DOWN.sub(r"\1", word), HELD_DOWN.sub(r"\1\1", word))
    )


def known_share(text: Text, vocabulary: Container[Text]) -> Optional[float]:
    """Share of the message's words that are known; None if it has no words at all."""
    found = words(text)
    if not found:
        return None
    return sum(is_known(w, vocabulary) for w in found) / len(found)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class UnknownWordsGuard(StoredComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # Below this share of known words, the message goes to the fallback.
        return {"min_known_share": 0.5}

    def setup(self) -> None:
        self.min_known_share = self.config["min_known_share"]
        self.training_words: Set[Text] = set()  # the words of the training examples
        self._vocabulary: Optional[Container[Text]] = None

    @property
    def vocabulary(self) -> Container[Text]:
        if self._vocabulary is None:  # not trained into this model: built once, in memory
            self._vocabulary = build_vocabulary(self.training_words)
        return self._vocabulary

    def train(self, training_data: TrainingData) -> Resource:
        vocabulary = set()
        for example in training_data.intent_examples:
            vocabulary.update(words(example.get(TEXT)))
        save_json(self._storage, self._resource, VOCABULARY_FILE, sorted(vocabulary))
        with self._storage.write_to(self._resource) as directory:
            build_vocabulary(vocabulary).save(str(directory / TRIE_FILE))
        return self._resource

    def restore(self) -> None:
        self.training_words = set(load_json(self._storage, self._resource, VOCABULARY_FILE, []))
        try:
            with self._storage.read_from(self._resource) as directory:
                # load() reads the file into memory: the model's directory may be removed.
                self._vocabulary = marisa_trie.Trie().load(str(directory / TRIE_FILE))
        except (ValueError, FileNotFoundError, OSError):
            self._vocabulary = None  # an older model: built from the tables on first use

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):  # button payloads
                continue
            share = known_share(text, self.vocabulary)
            if share is not None and share < self.min_known_share:
                fallback = {
                    "name": FALLBACK_INTENT,
                    "confidence": 1.0 - share,
                    "unknown_words": True,
                }
                ranking = [fallback] + [
                    r
                    for r in message.get(INTENT_RANKING_KEY) or []
                    if r.get("name") != FALLBACK_INTENT
                ]
                # Also when the FallbackClassifier got there first: the flag tells the
                # actions not to suggest topics from a guess.
                message.set(INTENT, fallback, add_to_output=True)
                message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
