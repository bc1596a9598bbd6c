"""The `events` rows of a conversation's new events, as Rasa's SQLTrackerStore writes them,
with the identifiers of a user message replaced by typed placeholders (storage/redaction.py):
the turn ran on the original text; only what is stored is redacted."""

import json
import time
from typing import Any, Dict, List, Text, Tuple

from rasa.shared.core.events import Event
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from storage.redaction import redact_event


def event_rows(sender_id: Text, events: List[Event]) -> Tuple[List[Dict[Text, Any]], float]:
    """The rows of `events` (`_row`) and the seconds spent redacting them (a metric)."""
    rows, redacting = [], 0.0
    for event in events:
        data = event.as_dict()
        started = time.perf_counter()
        data = redact_event(data)
        redacting += time.perf_counter() - started
        rows.append(_row(sender_id, event, data))
    return rows, redacting


def _row(sender_id: Text, event: Event, data: Dict[Text, Any]) -> Dict[Text, Any]:
    """The `events` row Rasa's SQLTrackerStore writes for an event, from the event's dict with
    the identifiers in a user message replaced by placeholders (storage/redaction.py): the turn
    ran on the original text, only what is stored is redacted."""
    return {
        "sender_id": sender_id,
        "type_name": event.type_name,
        "timestamp": data.get("timestamp"),
        "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
        "action_name": data.get("name"),
        "data": json.dumps(data),
    }
