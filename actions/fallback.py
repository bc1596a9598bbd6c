"""Rasa's last resort, when no rule fits the conversation: say so and offer the line."""

from rasa_sdk import Tracker
from rasa_sdk.events import UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.base import DomainDict, Events, ProjectAction
from actions.handoff import offer_call_button


class ActionDefaultFallback(ProjectAction):
    NAME = "action_default_fallback"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Events:
        dispatcher.utter_message(response="utter_out_of_scope")
        offer_call_button(dispatcher, tracker, domain)
        # Forget the message we could not handle, so it does not steer what comes next.
        return [UserUtteranceReverted()]
