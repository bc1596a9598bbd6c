"""Rasa's last resort, when no rule fits the conversation: say so and offer the line."""

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import offer_call_button


class ActionDefaultFallback(Action):
    def name(self) -> Text:
        return "action_default_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(response="utter_out_of_scope")
        offer_call_button(dispatcher, tracker, domain)
        # Forget the message we could not handle, so it does not steer what comes next.
        return [UserUtteranceReverted()]
