"""The labels the custom actions show, in the conversation's language: read from the domain's
`utter_labels` response (domain.yml is the one home of every text a patient reads), the
variation whose `language` condition is the conversation's (no condition: English)."""

from typing import Any, Dict, Text

from rasa_sdk import Tracker

from vertebro.names import LANGUAGE_SLOT

LABELS_RESPONSE = "utter_labels"


def _language_of(variation: Dict[Text, Any]) -> Text:
    for constraint in variation.get("condition") or []:
        if constraint.get("name") == LANGUAGE_SLOT:
            return constraint.get("value")
    return "en"


def labels(tracker: Tracker, domain: Dict[Text, Any]) -> Dict[Text, Any]:
    """`call_prompt`, `call_button` (with {phone}), `did_you_mean`, `topics` {intent: title}."""
    variations = (domain or {}).get("responses", {}).get(LABELS_RESPONSE) or []
    by_language = {_language_of(v): v.get("custom") or {} for v in variations}
    if "en" not in by_language:
        raise ValueError(f"domain.yml has no English {LABELS_RESPONSE}")
    return by_language.get(tracker.get_slot(LANGUAGE_SLOT) or "en", by_language["en"])
