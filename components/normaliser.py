"""Rasa NLU component, first in the pipeline: read spelling and shorthand as the words meant.

The message's text is replaced by its normalised form (components/spelling.py) before
anything else reads it; the patient's own words stay in the stored user event and in
`text_original` of the parse data, and the safety tiers read both. Training examples are
not changed: they are the vocabulary the normaliser corrects towards.
"""

from typing import Any, Dict, List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.graph_base import StoredComponent
from components.languages import SPANISH
from components.model_files import load_json, save_json
from components.spelling import Normaliser, vocabulary_counts
from vertebro.names import MESSAGE_LANGUAGE, ORIGINAL_TEXT

COUNTS_FILE = "vocabulary_counts.json"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=True)
class SpellingNormaliser(StoredComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # Edits allowed when correcting an unknown word: 1 for words of up to `short_word`
        # letters, `max_edit_distance` for longer ones; shorter than `min_word_length`: only
        # the shorthand table.
        return {
            "max_edit_distance": 2,
            "short_word": 4,
            "min_word_length": 3,
            "spanish_confidence": 0.8,
        }

    def setup(self) -> None:
        self.normaliser: Optional[Normaliser] = None

    def _build(self, counts: Dict[Text, int]) -> Normaliser:
        return Normaliser(
            counts,
            max_edit_distance=self.config["max_edit_distance"],
            short_word=self.config["short_word"],
            min_word_length=self.config["min_word_length"],
        )

    def train(self, training_data: TrainingData) -> Resource:
        counts = vocabulary_counts(e.get(TEXT) for e in training_data.intent_examples)
        save_json(self._storage, self._resource, COUNTS_FILE, counts)
        self.normaliser = self._build(counts)
        return self._resource

    def restore(self) -> None:
        # How often each word of the training data occurs: the vocabulary it corrects towards.
        self.normaliser = self._build(load_json(self._storage, self._resource, COUNTS_FILE, {}))

    def process(self, messages: List[Message]) -> List[Message]:
        if self.normaliser is None:
            return messages
        for message in messages:
            text = message.get(TEXT)
            if not text or text.startswith("/"):  # button payloads
                continue
            language = message.get(MESSAGE_LANGUAGE) or {}
            spanish = (
                language.get("name") == SPANISH
                and language.get("confidence", 0) >= self.config["spanish_confidence"]
            )
            normalised = self.normaliser.normalise(text, spanish=spanish)
            if normalised != text:
                message.set(ORIGINAL_TEXT, text, add_to_output=True)
                message.set(TEXT, normalised)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
