"""When the assistant is not sure what the patient means: "Did you mean ...?", then the line.

First unclear message: suggest the two likeliest topics as buttons (plain words).
Unclear again right after: stop guessing and hand off to the scheduling line.
Mostly unknown words (gibberish, another language): no guesses, ask again or call.
"""
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import offer_call_button
from vertebro.names import FALLBACK_INTENT

# Topics we may suggest, as a patient would say them.
TOPIC_TITLES = {
    "ask_what_is": "What a vertebroplasty is",
    "ask_prepare": "How to get ready",
    "ask_during": "What happens during it",
    "ask_after": "What to expect after",
    "ask_who_performs": "Who does it",
    "ask_arrival": "When to arrive",
    "ask_imaging": "Scans before the procedure",
    "ask_blood_thinners": "Blood thinners",
    "ask_procedure_duration": "How long the procedure takes",
    "ask_multiple_fractures": "More than one broken bone",
    "ask_sedation": "Sedation and pain",
    "ask_positioning": "How you will lie",
    "ask_incision_needle": "The cut and the needle",
    "ask_cement": "The bone cement",
    "ask_procedure_end": "The end of the procedure",
    "ask_recovery": "Recovery and going home",
    "ask_pain_relief": "Pain relief",
    "ask_follow_up": "The follow-up visit",
    "contact_scheduling": "Scheduling or a person",
}
MIN_SUGGESTION_CONFIDENCE = 0.05
CHOICES_LABEL = "Did you mean:"


def suggested_intents(tracker: Tracker, count: int = 2) -> List[Text]:
    """The likeliest topics for the latest message, best first."""
    ranking = tracker.latest_message.get("intent_ranking") or []
    found = []
    for entry in ranking:
        name = entry.get("name")
        if (name in TOPIC_TITLES and name not in found
                and (entry.get("confidence") or 0) >= MIN_SUGGESTION_CONFIDENCE):
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


def assess(tracker: Tracker) -> Text:
    """again | unknown_words | suggest: which kind of "not sure" answer fits."""
    if previous_user_intent(tracker) == FALLBACK_INTENT:
        return "again"
    intent = tracker.latest_message.get("intent") or {}
    if intent.get("unknown_words") or not suggested_intents(tracker):
        return "unknown_words"
    return "suggest"


class ActionAssessUnclear(Action):
    def name(self) -> Text:
        return "action_assess_unclear"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        return [SlotSet("unclear", assess(tracker))]


class ActionOfferChoices(Action):
    """After utter_not_sure: the suggested topics as buttons, or the call button."""

    def name(self) -> Text:
        return "action_offer_choices"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if tracker.get_slot("unclear") == "suggest":
            buttons = [{"title": TOPIC_TITLES[name], "payload": f"/{name}"}
                       for name in suggested_intents(tracker)]
            dispatcher.utter_message(text=CHOICES_LABEL, buttons=buttons)
        else:
            offer_call_button(dispatcher, tracker, domain)
        return []
