"""Work out what a bare "how long does that take?" is about: what the message itself names
(several bones, the cement, the procedure), else the topic of the last answer given."""

import re
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


# "I can't wait for them to do the vertebroplasty, how long does it take?": the message itself
# names what "it" is (English or Spanish), whatever came before. First match wins: "will it
# take longer if it's 2 bones", "how long until the cement hardens", then the procedure.
NAMED_TOPICS = [
    (
        "multiple_fractures",
        re.compile(
            r"\b(\d+|two|three|both|several|multiple|more than one|dos|tres|varias|varios|ambas)"
            r" (bones?|vertebra\w*|v[eé]rtebras?|fractures?|breaks?|huesos?|fracturas?)\b",
            re.IGNORECASE,
        ),
    ),
    ("cement", re.compile(r"\b(cement|cemento|harden\w*|endurec\w*|fragua\w*)\b", re.I)),
    (
        "procedure",
        re.compile(r"\b(vertebroplast\w*|procedures?|procedimientos?|operaci[oó]n)\b", re.I),
    ),
]


# ...unless it asks about a time before or after it ("how long after the procedure...").
BEFORE_OR_AFTER = re.compile(
    r"\b(before|after\w*|antes|despu[eé]s|recover\w*|recuper\w*)\b", re.IGNORECASE
)


# "I'll be bored to death in recovery, how many hours is it?": the recovery, named.
RECOVERY = re.compile(r"\b(recover(y|ing)|recuperaci[oó]n|recuperando)\b", re.IGNORECASE)


def topic_named(text: Optional[Text]) -> Optional[Text]:
    """The topic the message itself names, or None."""
    if text and RECOVERY.search(text):
        return "recovery"
    if not text or BEFORE_OR_AFTER.search(text):
        return None
    return next((topic for topic, words in NAMED_TOPICS if words.search(text)), None)


# With nothing said before, "how long does it take?" asks about the procedure: "it" is what
# the assistant is for. A bare "how long?" or "how long is that?" still asks which part.
IT_TAKES = re.compile(
    r"\bhow (long|much time|many hours)\b.{0,20}\b(does|dose|will|would|did|is|should) (it|this|"
    r"the whole thing) (take|last|go on|run)\b",
    re.IGNORECASE,
)


def topic_with_nothing_before(text: Optional[Text]) -> Optional[Text]:
    if text and IT_TAKES.search(text) and not BEFORE_OR_AFTER.search(text):
        return "procedure"
    return None


class ActionFindHowLongTopic(ProjectAction):
    NAME = "action_find_how_long_topic"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Events:
        text = (tracker.latest_message or {}).get("text")
        topic = topic_named(text) or last_topic(tracker) or topic_with_nothing_before(text)
        return [SlotSet("how_long_topic", topic)]
