"""The Rasa component that reads a message's language (components/languages.py), first in the
pipeline.

- Every message gets `language` in its parse data: the detector's guess for this message
  (`{"name": "es", "confidence": 0.97}`), read by the spelling normaliser and the safety layer.
- When the message sets the conversation's language (an explicit choice, or a long and sure
  message), it also gets a `language` entity ("en" or "es"): the domain's `language` slot is
  filled from it, and the answers' Spanish variations are chosen by a condition on that slot
  (domain.yml). Without the entity the slot keeps its value: a conversation stays in its
  language.
"""

from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components import languages
from components.graph_base import ConfiguredComponent
from vertebro.names import LANGUAGE_ENTITY, MESSAGE_LANGUAGE


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class LanguageDetector(ConfiguredComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # config.yml gives both (they are thresholds: their home is there).
        return {"min_words": 2, "min_confidence": 0.9, "long_words": 3, "long_confidence": 0.8}

    def setup(self) -> None:
        languages.preload()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            reading = languages.read(
                message.get(TEXT) or "",
                self.config["min_words"],
                self.config["min_confidence"],
                self.config["long_words"],
                self.config["long_confidence"],
            )
            if reading.language is None:
                continue
            message.set(
                MESSAGE_LANGUAGE,
                {"name": reading.language, "confidence": round(reading.confidence, 3)},
                add_to_output=True,
            )
            if reading.sets_conversation:
                entity = {
                    "entity": LANGUAGE_ENTITY,
                    "value": reading.language,
                    "start": 0,
                    "end": 0,
                    "confidence_entity": 1.0,
                    "extractor": self.__class__.__name__,
                }
                message.set(ENTITIES, message.get(ENTITIES, []) + [entity], add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
