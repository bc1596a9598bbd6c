"""Rasa NLU component: the safety tiers decide before anything else (components/safety_tiers.py).

It runs last in the pipeline, so neither a low confidence, the unknown-words guard nor another
intent can hide a crisis, an emergency or a warning sign: the tier's intent is forced
(`crisis`, `red_flag`, `warning_sign`) and the message's other questions are dropped, so the
safety answer is the whole reply. It reads the patient's own words and the normalised text
(components/normaliser.py) and takes the safer of the two.

A message that went to the fallback but has the words of a crisis or a symptom
(`doubtful_tier`) gets that tier's answer instead of "Sorry, I did not understand"; one that
asks about a symptom that may come ("what happens if I bleed at home?") gets "I don't have
that information" and the line (`out_of_scope`): the page lists no symptoms.

The other way round it is careful: it overrules a classifier's safety intent only when the
message is clearly a question with nothing happening now ("do you x-ray my chest too?"); then
the next-best intent is used, or the fallback if that one is not confident. When in doubt,
the message stays where the classifier put it.
"""

from typing import Any, Dict, List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from components import safety_es
from components.graph_base import ConfiguredComponent, required
from components.languages import ENGLISH, SPANISH
from components.red_flag_rules import clearly_not_urgent, red_flag
from components.safety_tiers import asks_about_a_possible_symptom, doubtful_tier, tier
from vertebro.names import (
    CRISIS,
    EMERGENCY,
    FALLBACK_INTENT,
    MESSAGE_LANGUAGE,
    ORIGINAL_TEXT,
    OUT_OF_SCOPE_INTENT,
    QUESTION_READING,
    QUESTIONS,
    SAFETY_INTENTS,
    SAFETY_TIER_KEY,
    TIER_INTENTS,
    WARNING,
)

_ORDER = [CRISIS, EMERGENCY, WARNING]


def safest_tier(texts: List[Optional[Text]], spanish: bool = False) -> Optional[Text]:
    """The safest tier any of the texts reads as; with `spanish`, by the Spanish patterns too
    (components/safety_es.py)."""
    tiers = [tier] + ([safety_es.tier] if spanish else [])
    found = [t for read in tiers for t in (read(text) for text in texts if text) if t]
    return min(found, key=_ORDER.index) if found else None


def reads_as_spanish(message: Message) -> bool:
    """The detector's best guess for this message is Spanish: whether it is clearly not urgent
    is then read by the Spanish rules (the English ones cannot see a Spanish "now")."""
    return ((message.get(MESSAGE_LANGUAGE) or {}).get("name")) == SPANISH


def may_be_spanish(message: Message, surely_english: float) -> bool:
    """The Spanish patterns run unless the message is surely English (the detector's guess,
    components/language_detector.py): a message it is unsure of gets both."""
    language = message.get(MESSAGE_LANGUAGE) or {}
    return not (language.get("name") == ENGLISH and language.get("confidence", 0) >= surely_english)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class RedFlagDetector(ConfiguredComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # `threshold`: confidence the next-best intent needs when a look-alike is overruled
        # (config.yml sets it to the FallbackClassifier's threshold).
        # `surely_english`: above it the Spanish patterns are not needed (config.yml).
        return {"threshold": None, "surely_english": 0.8}

    def setup(self) -> None:
        self.threshold = required(self.config, "threshold", type(self))
        self.surely_english = self.config["surely_english"]

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._flag(message)
        return messages

    def _flag(self, message: Message) -> None:
        text: Optional[Text] = message.get(TEXT)
        if not text or text.startswith("/"):  # button payloads are not symptoms
            return
        original = message.get(ORIGINAL_TEXT)
        spanish = may_be_spanish(message, self.surely_english)
        found = safest_tier([original, text], spanish=spanish)
        read = found is not None  # the tiers read a symptom or a crisis (not a doubt)
        if found is None and (message.get(INTENT) or {}).get("name") == FALLBACK_INTENT:
            # Not understood at all: if it has the words of a symptom or a crisis, the safer
            # answer beats "Sorry, I did not understand".
            found = doubtful_tier(original or text)
        if found is None:
            not_urgent = (
                safety_es.clearly_not_urgent if reads_as_spanish(message) else clearly_not_urgent
            )
            if (message.get(INTENT) or {}).get("name") in SAFETY_INTENTS and all(
                not_urgent(t) for t in (original, text) if t
            ):
                self._overrule(message)
            if (message.get(INTENT) or {}).get("name") == FALLBACK_INTENT and any(
                asks(t) for t in (original, text) if t for asks in self._possible_symptom(spanish)
            ):
                # "What happens if I start bleeding at home?": the page lists no symptoms.
                intent = {"name": OUT_OF_SCOPE_INTENT, "confidence": 1.0, "possible_symptom": True}
                message.set(INTENT, intent, add_to_output=True)
            return
        name = TIER_INTENTS[found]
        intent: Dict[Text, Any] = {"name": name, "confidence": 1.0}
        if read:
            intent[SAFETY_TIER_KEY] = found
        if found == EMERGENCY:
            intent["red_flag"] = red_flag(original or "") or red_flag(text)
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != name]
        message.set(INTENT, intent, add_to_output=True)
        message.set(
            INTENT_RANKING_KEY, [{"name": name, "confidence": 1.0}] + ranking, add_to_output=True
        )
        if message.get(QUESTIONS):
            message.set(QUESTIONS, [], add_to_output=True)

    @staticmethod
    def _possible_symptom(spanish: bool) -> List[Any]:
        """The readers of a question about a symptom that may come, in the message's languages."""
        readers: List[Any] = [asks_about_a_possible_symptom]
        return readers + ([safety_es.asks_about_a_possible_symptom] if spanish else [])

    def _overrule(self, message: Message) -> None:
        """A look-alike question: use the next-best intent, or the fallback if it is unsure.
        The message's clearest other part (the question after a story) comes first when the
        classifier read one and is sure of it (components/intent_classifier.py)."""
        ranking = [
            r
            for r in message.get(INTENT_RANKING_KEY) or []
            if r.get("name") not in (*SAFETY_INTENTS, FALLBACK_INTENT)
        ]
        reading = [
            r
            for r in message.get(QUESTION_READING) or []
            if r.get("name") not in (*SAFETY_INTENTS, FALLBACK_INTENT)
        ]
        if reading and reading[0]["confidence"] >= self.threshold:
            ranking = reading
        best = ranking[0] if ranking else {"name": FALLBACK_INTENT, "confidence": 1.0}
        if best["confidence"] < self.threshold:
            best = {"name": FALLBACK_INTENT, "confidence": 1.0 - best["confidence"]}
        message.set(INTENT, {**best, "red_flag_overruled": True}, add_to_output=True)
