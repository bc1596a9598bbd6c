"""Rasa NLU component: two intents with the same kind of reply are not a reason to ask.

The FallbackClassifier falls back when no intent is confident, or when the first two are
close. Some intents are answered alike: a question the page does not cover (`out_of_scope`)
and a question only the care team can answer (`ask_medical_advice`) both get "I don't have
that information" and the line. "Is 91 too old to have this done?" read 0.50 / 0.43 between
them and got "Sorry, I'm not sure what you mean" instead. When such a group holds the
message's first intents and together they reach the FallbackClassifier's threshold, the
first of them is the answer. Runs right after the FallbackClassifier, so the unknown-words
guard and the safety layer after it still decide as before.
"""

from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message

from components.graph_base import ConfiguredComponent, required
from vertebro.names import FALLBACK_INTENT


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class SameReplyIntents(ConfiguredComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # `groups`: lists of intents answered alike (config.yml). `threshold`: what the group's
        # confidences must add up to (config.yml sets the FallbackClassifier's).
        return {"groups": [], "threshold": None}

    def setup(self) -> None:
        self.groups = [frozenset(group) for group in self.config["groups"]]
        self.threshold = required(self.config, "threshold", type(self))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if (message.get(INTENT) or {}).get("name") == FALLBACK_INTENT:
                self._settle(message)
        return messages

    def _settle(self, message: Message) -> None:
        ranking = [
            r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != FALLBACK_INTENT
        ]
        if len(ranking) < 2:
            return
        first, second = ranking[0], ranking[1]
        for group in self.groups:
            if first["name"] in group and second["name"] in group:
                if first["confidence"] + second["confidence"] >= self.threshold:
                    message.set(INTENT, {**first, "same_reply": True}, add_to_output=True)
                return
