"""Rasa NLU component: force the `red_flag` intent when a message describes an urgent symptom.

It runs after the intent classifier and the FallbackClassifier, so neither a low confidence
nor another intent can hide an emergency. It only ever raises a message to `red_flag`; it
never lowers one that the classifier already put there (when in doubt, err towards safety).
"""
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.red_flag_rules import red_flag

RED_FLAG_INTENT = "red_flag"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class RedFlagDetector(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"intent": RED_FLAG_INTENT}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.intent = config["intent"]

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage,
               resource: Resource, execution_context: ExecutionContext) -> "RedFlagDetector":
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._flag(message)
        return messages

    def _flag(self, message: Message) -> None:
        text: Optional[Text] = message.get(TEXT)
        if not text or text.startswith("/"):  # button payloads are not symptoms
            return
        symptom = red_flag(text)
        if symptom is None:
            return
        intent = {"name": self.intent, "confidence": 1.0, "red_flag": symptom}
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != self.intent]
        message.set(INTENT, intent, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [{"name": self.intent, "confidence": 1.0}] + ranking,
                    add_to_output=True)
