"""The scheduling phone line, read from the one place it is kept: the `phone` slot in domain.yml."""

import re
from typing import Any, Dict, Optional, Text

from rasa_sdk import Tracker

from vertebro.names import PHONE_SLOT


def phone_number(tracker: Tracker, domain: Optional[Dict[Text, Any]] = None) -> Text:
    """The line as patients read it, e.g. 847.570.2160."""
    value = tracker.get_slot(PHONE_SLOT)
    if not value and domain:
        value = domain.get("slots", {}).get(PHONE_SLOT, {}).get("initial_value")
    if not value:
        raise ValueError("the `phone` slot has no value: check domain.yml")
    return value


def tel_uri(phone: Text) -> Text:
    """A tel: link for a US number: 847.570.2160 -> tel:+18475702160."""
    digits = re.sub(r"\D", "", phone)
    if len(digits) == 10:
        digits = "1" + digits
    if len(digits) != 11:
        raise ValueError(f"not a US phone number: {phone!r}")
    return f"tel:+{digits}"


def call_button(phone: Text, title: Text = "Call {phone}") -> Dict[Text, Text]:
    """A button that dials the line on a phone, shown on channels that can render links.
    `title` is the label from domain.yml (actions/labels.py), with {phone}."""
    return {
        "title": title.format(phone=phone),
        "type": "web_url",
        "url": tel_uri(phone),
        "payload": tel_uri(phone),
    }
