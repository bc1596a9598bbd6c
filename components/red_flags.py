"""Rasa NLU component: force the `red_flag` intent when a message describes an urgent symptom.

It runs after the intent classifier and the FallbackClassifier, so neither a low confidence
nor another intent can hide an emergency. The other way round it is careful: it overrules a
classifier's `red_flag` only when the message is clearly a question with nothing happening
now ("do you x-ray my chest too?"); then the next-best intent is used, or the fallback if that
one is not confident. When in doubt, the message stays a red flag.
"""
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.red_flag_rules import clearly_not_urgent, red_flag

RED_FLAG_INTENT = "red_flag"
FALLBACK_INTENT = "nlu_fallback"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class RedFlagDetector(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # `threshold`: confidence the next-best intent needs when a look-alike is overruled
        # (as the FallbackClassifier's threshold).
        return {"intent": RED_FLAG_INTENT, "threshold": 0.5}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.intent = config["intent"]
        self.threshold = config["threshold"]

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
            if (message.get(INTENT) or {}).get("name") == self.intent and clearly_not_urgent(text):
                self._overrule(message)
            return
        intent = {"name": self.intent, "confidence": 1.0, "red_flag": symptom}
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != self.intent]
        message.set(INTENT, intent, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [{"name": self.intent, "confidence": 1.0}] + ranking,
                    add_to_output=True)

    def _overrule(self, message: Message) -> None:
        """A look-alike question: use the next-best intent, or the fallback if it is unsure."""
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or []
                   if r.get("name") not in (self.intent, FALLBACK_INTENT)]
        best = ranking[0] if ranking else {"name": FALLBACK_INTENT, "confidence": 1.0}
        if best["confidence"] < self.threshold:
            best = {"name": FALLBACK_INTENT, "confidence": 1.0 - best["confidence"]}
        message.set(INTENT, {**best, "red_flag_overruled": True}, add_to_output=True)
