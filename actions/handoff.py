"""Hand-off to the scheduling line: a tap-to-call button on channels that can show one.

The number itself is always in the domain response that comes first (utter_handoff,
utter_out_of_scope, utter_not_sure), so the hand-off still works on every channel, even if this action server is down.
"""

from typing import Any, Dict, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import DomainDict, Events, ProjectAction
from actions.contact import call_button, phone_number
from actions.labels import labels
from vertebro.names import TAP_TO_CALL_CHANNELS


def offer_call_button(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
) -> None:
    """Send a tap-to-call button where the channel can dial; nothing elsewhere.

    SMS already shows the number as text (phones make it tappable); the kiosk is a shared
    screen with no phone, so its answers say "or ask the front desk" instead.
    """
    if tracker.get_latest_input_channel() in TAP_TO_CALL_CHANNELS:
        # A label for the button, not an answer: the answer with the number came just before.
        label = labels(tracker, domain)
        dispatcher.utter_message(
            text=label["call_prompt"],
            buttons=[call_button(phone_number(tracker, domain), label["call_button"])],
        )


class ActionOfferCallButton(ProjectAction):
    NAME = "action_offer_call_button"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Events:
        offer_call_button(dispatcher, tracker, domain)
        return []
