"""One set of choices a turn, shared by the channels that collect a turn's messages.

A turn that answers several questions, or a whole section of the page, is several domain
answers, each with its own follow-up buttons. A patient should see one set: the last answer's.
Link buttons (tap to call) are kept wherever they are; a message left with nothing is dropped.
The widget needs nothing here: rasa-webchat shows only the last message's quick replies.
"""

import re
from typing import Any, Dict, List, Text


def is_intent_payload(payload: Any) -> bool:
    """A payload the bot understands when it comes back ("/ask_recovery", '/intent{...}')."""
    return isinstance(payload, str) and re.match(r"^/\w", payload.strip()) is not None


def _has_choices(message: Dict[Text, Any]) -> bool:
    return any(
        isinstance(b, dict) and is_intent_payload(b.get("payload"))
        for b in message.get("buttons") or []
    )


def one_set_of_choices(messages: List[Dict[Text, Any]]) -> List[Dict[Text, Any]]:
    """The messages with intent buttons only on the last message that offers any."""
    with_choices = [i for i, m in enumerate(messages) if _has_choices(m)]
    if len(with_choices) <= 1:
        return messages
    kept_at = with_choices[-1]
    result = []
    for index, message in enumerate(messages):
        if index in with_choices and index != kept_at:
            links = [
                b
                for b in message["buttons"]
                if not (isinstance(b, dict) and is_intent_payload(b.get("payload")))
            ]
            message = {k: v for k, v in message.items() if k != "buttons"}
            if links:
                message["buttons"] = links
            if not any(
                message.get(k) for k in ("text", "buttons", "image", "attachment", "custom")
            ):
                continue
        result.append(message)
    return result
