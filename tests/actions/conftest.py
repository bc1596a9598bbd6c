"""Trackers and dispatchers for testing custom actions, as in RasaHQ's financial-demo."""
from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher


def user_event(text: str, intent: str, entities=None, channel: str = "rest") -> Dict[str, Any]:
    return {
        "event": "user",
        "text": text,
        "parse_data": {"intent": {"name": intent, "confidence": 0.99},
                       "entities": entities or [], "text": text},
        "input_channel": channel,
    }


def bot_event(utter_action: str, text: str = "...") -> Dict[str, Any]:
    return {"event": "bot", "text": text, "metadata": {"utter_action": utter_action}}


def medication(value: str, start: int = 0) -> Dict[str, Any]:
    return {"entity": "medication", "value": value, "start": start, "end": start + len(value),
            "extractor": "SpacyEntityExtractor"}


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


@pytest.fixture
def make_tracker(phone):
    """A tracker whose latest message is `text` with `intent`, after `history` events."""

    def make(text: str = "hello", intent: str = "greet", entities: Optional[List] = None,
             channel: str = "rest", history: Optional[List[Dict[str, Any]]] = None,
             slots: Optional[Dict[str, Any]] = None) -> Tracker:
        latest = user_event(text, intent, entities, channel)
        events = [{"event": "action", "name": "action_session_start"},
                  {"event": "session_started"}] + (history or []) + [latest]
        all_slots = {"phone": phone, "medication": None, "how_long_topic": None, "unclear": None}
        all_slots.update(slots or {})
        return Tracker(sender_id="test-patient", slots=all_slots,
                       latest_message=latest["parse_data"], events=events, paused=False,
                       followup_action=None, active_loop={}, latest_action_name="action_listen")

    return make
