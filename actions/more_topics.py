"""More than three questions in one message: the first three are answered (the dialogue policy,
components/answer_plan_policy.py); the rest are offered as buttons, never dropped."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.clarify import TOPIC_TITLES

# The parse-data key and limit the NLU and the policy use (vertebro/names.py, config.yml).
QUESTIONS = "questions"
ANSWERED = 3


def remaining_topics(tracker: Tracker, answered: int = ANSWERED) -> List[Text]:
    questions = tracker.latest_message.get(QUESTIONS) or []
    return [q for q in dict.fromkeys(questions[answered:]) if q in TOPIC_TITLES]


class ActionOfferMoreTopics(Action):
    def name(self) -> Text:
        return "action_offer_more_topics"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        topics = remaining_topics(tracker)
        if topics:
            dispatcher.utter_message(response="utter_more_topics", buttons=[
                {"title": TOPIC_TITLES[name], "payload": f"/{name}"} for name in topics])
        return []
