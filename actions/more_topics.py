"""More than three questions in one message: the first three are answered (the dialogue policy,
components/answer_plan_policy.py); the rest are offered as buttons, never dropped."""

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.labels import labels

# The parse-data key and limit the NLU and the policy use (vertebro/names.py, config.yml).
QUESTIONS = "questions"
ANSWERED = 3


def remaining_topics(
    tracker: Tracker, titles: Dict[Text, Text], answered: int = ANSWERED
) -> List[Text]:
    questions = tracker.latest_message.get(QUESTIONS) or []
    return [q for q in dict.fromkeys(questions[answered:]) if q in titles]


class ActionOfferMoreTopics(Action):
    def name(self) -> Text:
        return "action_offer_more_topics"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        titles = labels(tracker, domain)["topics"]
        topics = remaining_topics(tracker, titles)
        if topics:
            dispatcher.utter_message(
                response="utter_more_topics",
                buttons=[{"title": titles[name], "payload": f"/{name}"} for name in topics],
            )
        return []
