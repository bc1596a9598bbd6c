"""Work out what a bare "how long does that take?" is about, from the last answer given."""

from typing import Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import DomainDict, Events, ProjectAction

# The last answer given -> the topic utter_how_long answers for.
TOPIC_OF_ANSWER = {
    "utter_what_is": "procedure",
    "utter_who_performs": "procedure",
    "utter_procedure_duration": "procedure",
    "utter_sedation": "procedure",
    "utter_positioning": "procedure",
    "utter_incision_needle": "procedure",
    "utter_procedure_end": "procedure",
    "utter_multiple_fractures": "multiple_fractures",
    "utter_recovery": "recovery",
    "utter_pain_relief": "pain_relief",
    "utter_follow_up": "follow_up",
    "utter_arrival": "arrival",
    "utter_cement": "cement",
    "utter_blood_thinners": "blood_thinners",
}


# "And how long does that take?" refers to something said lately: answers given in reply to
# the last TURNS_BACK messages before it count, older ones do not (then the bot asks which
# topic). The conversation store replays more than this (storage/tracker_store.py).
TURNS_BACK = 3


def last_topic(tracker: Tracker) -> Optional[Text]:
    """The topic of the most recent answer in this session, within the last TURNS_BACK turns,
    that has one, or None."""
    user_messages = 0
    for event in reversed(tracker.events):
        if event.get("event") == "session_started":
            return None
        if event.get("event") == "user":
            user_messages += 1  # the first one is the question being answered now
            if user_messages > TURNS_BACK:
                return None
        if event.get("event") == "bot":
            topic = TOPIC_OF_ANSWER.get((event.get("metadata") or {}).get("utter_action"))
            if topic:
                return topic
    return None


class ActionFindHowLongTopic(ProjectAction):
    NAME = "action_find_how_long_topic"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Events:
        return [SlotSet("how_long_topic", last_topic(tracker))]
