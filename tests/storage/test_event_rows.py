"""storage/event_rows.py: the rows written for a turn's events, redacted, and the time that took."""

import json

from rasa.shared.core.events import ActionExecuted, UserUttered

from storage.event_rows import event_rows


def test_rows_are_redacted_and_the_redaction_is_timed():
    text = "This is Ana Ruiz, my cell is 847-555-0199. When do I arrive?"
    events = [
        UserUttered(text, {"name": "ask_arrival", "confidence": 0.9}, parse_data={"text": text}),
        ActionExecuted("utter_arrival"),
    ]
    rows, seconds = event_rows("patient", events)
    assert [r["type_name"] for r in rows] == ["user", "action"]
    assert rows[0]["intent_name"] == "ask_arrival" and rows[1]["action_name"] == "utter_arrival"
    stored = json.loads(rows[0]["data"])
    assert "Ana Ruiz" not in rows[0]["data"] and "555-0199" not in rows[0]["data"]
    assert stored["text"] == stored["parse_data"]["text"] and "[PHONE]" in stored["text"]
    assert "When do I arrive?" in stored["text"]
    assert events[0].text == text  # the event itself keeps the original
    assert 0 < seconds < 1
