"""When the assistant is not sure what the patient means: "Did you mean ...?", then the line.

First unclear message: suggest the two likeliest topics as buttons (plain words).
Unclear again right after: stop guessing and hand off to the scheduling line.
Mostly unknown words (gibberish, another language): no guesses, ask again or call.
"""

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import DomainDict, Events, ProjectAction
from actions.handoff import offer_call_button
from actions.labels import labels
from vertebro.names import FALLBACK_INTENT

MIN_SUGGESTION_CONFIDENCE = 0.05


def suggested_intents(tracker: Tracker, domain: Dict[Text, Any], count: int = 2) -> List[Text]:
    """The likeliest topics we may suggest (those utter_labels names) for the latest message,
    best first."""
    topics = labels(tracker, domain)["topics"]
    ranking = tracker.latest_message.get("intent_ranking") or []
    found = []
    for entry in ranking:
        name = entry.get("name")
        if (
            name in topics
            and name not in found
            and (entry.get("confidence") or 0) >= MIN_SUGGESTION_CONFIDENCE
        ):
            found.append(name)
    return found[:count]


def previous_user_intent(tracker: Tracker) -> Optional[Text]:
    """The intent of the user message before the latest one, in this session."""
    seen_latest = False
    for event in reversed(tracker.events):
        if event.get("event") == "session_started":
            return None
        if event.get("event") == "user":
            if seen_latest:
                return ((event.get("parse_data") or {}).get("intent") or {}).get("name")
            seen_latest = True
    return None


def assess(tracker: Tracker, domain: Dict[Text, Any]) -> Text:
    """again | unknown_words | suggest: which kind of "not sure" answer fits."""
    if previous_user_intent(tracker) == FALLBACK_INTENT:
        return "again"
    intent = tracker.latest_message.get("intent") or {}
    if intent.get("unknown_words") or not suggested_intents(tracker, domain):
        return "unknown_words"
    return "suggest"


class ActionAssessUnclear(ProjectAction):
    NAME = "action_assess_unclear"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Events:
        return [SlotSet("unclear", assess(tracker, domain))]


class ActionOfferChoices(ProjectAction):
    """After utter_not_sure: the suggested topics as buttons, or the call button."""

    NAME = "action_offer_choices"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Events:
        if tracker.get_slot("unclear") == "suggest":
            label = labels(tracker, domain)
            buttons = [
                {"title": label["topics"][name], "payload": f"/{name}"}
                for name in suggested_intents(tracker, domain)
            ]
            dispatcher.utter_message(text=label["did_you_mean"], buttons=buttons)
        else:
            offer_call_button(dispatcher, tracker, domain)
        return []
