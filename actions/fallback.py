"""When the assistant is not sure what the patient means: say so and offer the line."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import offer_call_button


class ActionDefaultFallback(Action):
    def name(self) -> Text:
        return "action_default_fallback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(response="utter_default")
        offer_call_button(dispatcher, tracker, domain)
        # Forget the message we could not understand, so it does not steer what comes next.
        return [UserUtteranceReverted()]
