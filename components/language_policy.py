"""The first clear message of a conversation sets its language (issue 14).

The `language` slot is filled from the `language` entity (components/language_detector.py),
which a message gets only when it should change a conversation's language: an explicit choice,
or a long message the detector is sure of. That is right for a conversation under way ("ok",
"sí", "duele??" must not switch it), but too strict for its first message: a patient whose
first words are "duele??" or "hola" should get Spanish from the start.

This policy reads the tracker, which the NLU cannot: on the first user message of a session
that did not set the language, it sets the slot to the detector's guess when that is at least
`first_message_confidence` sure. It predicts no action (all zeros); its event is applied
before the turn's first action runs, whichever policy wins (rasa/core/processor.py
`_run_action`, Rasa 3.6: `prediction.events` are applied to the tracker the action sees).
"""

from typing import Any, Dict, Optional, Text

from rasa.core.policies.policy import PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from components.graph_base import POLICY, RulesOnlyPolicy
from vertebro.names import LANGUAGE_ENTITY, LANGUAGE_SLOT, MESSAGE_LANGUAGE

FIRST_PREDICTION_AFTER = {ACTION_LISTEN_NAME, "action_extract_slots"}


def first_message_of_session(tracker: DialogueStateTracker) -> bool:
    """The latest user message is the only one since the session started (as far as the
    tracker's events go back)."""
    users = 0
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            users += 1
            if users > 1:
                return False
        elif isinstance(event, SessionStarted):
            break
    return users == 1


def first_message_language(tracker: DialogueStateTracker, min_confidence: float) -> Optional[Text]:
    """The language the first message sets, or None (not the first, already set by the
    NLU's entity, not sure enough, or already the slot's value)."""
    message = tracker.latest_message
    if message is None or tracker.latest_action_name not in FIRST_PREDICTION_AFTER:
        return None
    if any(e.get("entity") == LANGUAGE_ENTITY for e in message.entities):
        return None
    guess = (message.parse_data or {}).get(MESSAGE_LANGUAGE) or {}
    language = guess.get("name")
    if (
        not language
        or guess.get("confidence", 0) < min_confidence
        or tracker.get_slot(LANGUAGE_SLOT) == language
        or not first_message_of_session(tracker)
    ):
        return None
    return language


@DefaultV1Recipe.register([POLICY], is_trainable=False)
class LanguagePolicy(RulesOnlyPolicy):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"priority": 1, "first_message_confidence": 0.8}

    def decide(self, tracker: DialogueStateTracker, domain: Domain) -> PolicyPrediction:
        language = first_message_language(tracker, self.config["first_message_confidence"])
        events = [SlotSet(LANGUAGE_SLOT, language)] if language else []
        return self._prediction(self._default_predictions(domain), events=events)
