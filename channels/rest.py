"""Rasa's REST channel, hardened: bad input gets a short JSON 4xx, never an HTML page or a 500.

POST /webhooks/rest/webhook {"sender": "<id>", "message": "<text>", "metadata": {...}?}
-> JSON list of the bot's messages, as Rasa's channel (output channel `collector`, input
channel name `rest`, so actions and responses behave exactly as before).

Rasa 3.6.21's own channel reads `request.json`: malformed JSON gets Sanic's error page (HTML
unless the client sent a JSON content type), a body that is not an object (e.g. `[1]`) a 500,
a message that is not a string an empty 200 with the message text logged at ERROR, and the
client may pick any `input_channel`. This channel parses the body itself (channels/validation.py):

- a body over MAX_BODY_BYTES (default 64 KiB): 413, before any parsing;
- bytes that are not UTF-8, malformed or too deeply nested JSON, a body that is not an object,
  a missing or non-string `sender` or `message`, a sender id other than 1-128 letters, digits,
  '.', '_', ':' or '-', `metadata` that is not an object: 400 {"error": "<what is wrong>"};
- `?stream=true`: 400 (not supported);
- the message: control characters removed, at most 1000 characters;
- a sender over the rate limit (channels/rate_limit.py): 429 with a polite text, not sent on;
- the conversation store or the lock store is unavailable: 503 with an apology and the phone
  number (channels/failures.py): the turn was neither answered nor stored;
- a turn that fails otherwise: the collected messages plus a polite error message (200), logged
  without the patient's text.

Registered in credentials.yml as `channels.rest.RestInput` instead of `rest:`.
"""

import logging
from typing import Any, Awaitable, Callable, Dict, Optional, Text, Tuple

import rasa.utils.endpoints
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput as RasaRestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels import failures, rate_limit
from channels.failures import answer_as_json
from channels.validation import BadRequest, parse_chat_request, read_json_body
from channels.webhook import webhook_blueprint
from vertebro.names import REST_CHANNEL

logger = logging.getLogger(__name__)


def parse_rest_request(
    body: Optional[bytes], max_bytes: Optional[int] = None
) -> Tuple[Text, Text, Optional[Dict]]:
    """(sender, message, metadata) of a REST webhook body, or BadRequest (status 400 or 413)."""
    payload = read_json_body(body, max_bytes)
    if isinstance(payload, dict) and payload.get("message") is None:
        raise BadRequest("'message' is required and must be a string")
    return parse_chat_request(payload)


def error_response(error: BadRequest) -> HTTPResponse:
    return response.json({"error": str(error)}, status=error.status)


class RestInput(RasaRestInput):
    """POST /webhooks/rest/webhook with strict parsing and the shared rate limit."""

    @classmethod
    def name(cls) -> Text:
        return REST_CHANNEL

    async def handle_webhook(
        self,
        body: Optional[bytes],
        stream: bool,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
    ) -> HTTPResponse:
        """One webhook request: 400/413 for bad input, 429 over the rate limit, else the
        bot's messages."""
        if stream:
            return response.json({"error": "stream=true is not supported"}, status=400)
        try:
            sender, text, metadata = parse_rest_request(body)
        except BadRequest as error:
            return error_response(error)

        decision = rate_limit.shared().check(sender)
        if not decision.allowed:
            logger.debug("REST: a sender is over the rate limit")
            return rate_limit.too_many_requests(decision)

        return await answer_as_json(
            on_new_message,
            UserMessage(
                text,
                CollectingOutputChannel(),
                sender,
                input_channel=self.name(),
                metadata=metadata,
            ),
            failures.failure_text(),
        )

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        async def receive(request: Request) -> HTTPResponse:
            stream = rasa.utils.endpoints.bool_arg(request, "stream", default=False)
            return await self.handle_webhook(request.body, stream, on_new_message)

        return webhook_blueprint("rest_webhook", receive)
