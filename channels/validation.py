"""Checks shared by the project's HTTP channels: bad input gets a 4xx, never a 500."""

import json
import os
import re
from typing import Any, Optional, Text, Tuple

MAX_MESSAGE_CHARS = 1000
SENDER_PATTERN = re.compile(r"^[A-Za-z0-9_.:\-]{1,128}$")
# C0/C1 control characters other than tab and newline, and lone UTF-16 surrogates: JSON can
# carry "\ud800", which json.loads turns into a str that spaCy cannot encode (a failed turn).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# Largest JSON body a chat webhook accepts (env MAX_BODY_BYTES); a chat message is < 2 KB.
DEFAULT_MAX_BODY_BYTES = 64 * 1024


class BadRequest(ValueError):
    """The request is malformed; the text is safe to show to the client."""

    status = 400


class BodyTooLarge(BadRequest):
    status = 413


def max_body_bytes() -> int:
    """MAX_BODY_BYTES from the environment (a positive integer), else 64 KiB."""
    try:
        value = int(os.environ.get("MAX_BODY_BYTES", ""))
    except ValueError:
        return DEFAULT_MAX_BODY_BYTES
    return value if value > 0 else DEFAULT_MAX_BODY_BYTES


def read_json_body(body: Optional[bytes], max_bytes: Optional[int] = None) -> Any:
    """The JSON value of a request body: BodyTooLarge over `max_bytes` (checked before any
    parsing), BadRequest for an empty body, bytes that are not UTF-8, or text that is not JSON."""
    body = body or b""
    limit = max_bytes if max_bytes is not None else max_body_bytes()
    if len(body) > limit:
        raise BodyTooLarge(f"the body is larger than {limit} bytes")
    if not body.strip():
        raise BadRequest("the body must be a JSON object")
    try:
        return json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise BadRequest("the body must be UTF-8 text") from None
    except RecursionError:  # e.g. [[[[...]]]]: not a ValueError, would be a 500
        raise BadRequest("the body is nested too deeply") from None
    except ValueError:
        raise BadRequest("the body is not valid JSON") from None


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
