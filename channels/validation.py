"""Checks shared by the project's HTTP channels: bad input gets a 4xx, never a 500."""
import re
from typing import Any, Optional, Text, Tuple

MAX_MESSAGE_CHARS = 1000
SENDER_PATTERN = re.compile(r"^[A-Za-z0-9_.:\-]{1,128}$")
# C0/C1 control characters other than tab and newline.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class BadRequest(ValueError):
    """The request is malformed; the text is safe to show to the client."""


def clean_message(value: Any, max_chars: int = MAX_MESSAGE_CHARS) -> Text:
    """A message as text: control characters removed, whitespace folded, long text cut."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadRequest("'message' must be a string")
    text = " ".join(CONTROL.sub(" ", value).split())
    return text[:max_chars]


def clean_sender(value: Any) -> Text:
    if not isinstance(value, str) or not SENDER_PATTERN.match(value):
        raise BadRequest("'sender' must be 1-128 letters, digits, '.', '_', ':' or '-'")
    return value


def parse_chat_request(body: Any) -> Tuple[Text, Text, Optional[dict]]:
    """(sender, message, metadata) from a JSON body {sender, message, metadata?}."""
    if not isinstance(body, dict):
        raise BadRequest("the body must be a JSON object")
    metadata = body.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        raise BadRequest("'metadata' must be an object")
    return clean_sender(body.get("sender")), clean_message(body.get("message")), metadata
