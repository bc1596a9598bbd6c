"""More than three questions in one message: the first three are answered (the dialogue policy,
components/answer_plan_policy.py); the rest are offered as buttons, never dropped."""

from typing import Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import DomainDict, Events, ProjectAction
from actions.labels import labels
from vertebro.names import QUESTIONS
from vertebro.settings import max_questions


def remaining_topics(tracker: Tracker, titles: Dict[Text, Text]) -> List[Text]:
    """The topics of the message's questions after the ones the policy answered."""
    questions = tracker.latest_message.get(QUESTIONS) or []
    return [q for q in dict.fromkeys(questions[max_questions() :]) if q in titles]


class ActionOfferMoreTopics(ProjectAction):
    NAME = "action_offer_more_topics"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Events:
        titles = labels(tracker, domain)["topics"]
        topics = remaining_topics(tracker, titles)
        if topics:
            dispatcher.utter_message(
                response="utter_more_topics",
                buttons=[{"title": titles[name], "payload": f"/{name}"} for name in topics],
            )
        return []
