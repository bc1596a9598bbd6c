"""The waiting-room kiosk: a REST-style channel whose answers use the `kiosk` variations.

POST /webhooks/kiosk/webhook {"sender": "<id>", "message": "<text>"} -> list of messages.
Its output channel is named `kiosk`, so domain responses with `channel: kiosk` apply
(e.g. the hand-off says "or ask the front desk" instead of offering tap-to-call).

A turn that fails gets a polite answer, never a 500: 503 with an apology and the phone number
when the conversation store or the lock store is unavailable (channels/failures.py), otherwise
the messages so far and FAILURE_TEXT.
"""

import logging
from typing import Any, Awaitable, Callable, Optional, Text

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels import rate_limit
from channels.failures import answer_as_json
from channels.validation import BadRequest, parse_chat_request, read_json_body
from channels.webhook import webhook_blueprint
from vertebro.names import KIOSK_CHANNEL

logger = logging.getLogger(__name__)

FAILURE_TEXT = "Sorry, something went wrong. Please try again in a moment, or ask the front desk."


class KioskOutput(CollectingOutputChannel):
    @classmethod
    def name(cls) -> Text:
        return KIOSK_CHANNEL


class KioskInput(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return KIOSK_CHANNEL

    async def handle_webhook(
        self, body: Optional[bytes], on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> HTTPResponse:
        """One kiosk question: 400/413 for bad input, 429 over the rate limit, 503 when the
        conversation store is unavailable, else the bot's messages."""
        try:
            sender, text, _ = parse_chat_request(read_json_body(body))
        except BadRequest as error:  # 400, or 413 over MAX_BODY_BYTES
            return response.json({"error": str(error)}, status=error.status)
        decision = rate_limit.shared().check(sender)
        if not decision.allowed:
            return rate_limit.too_many_requests(decision)
        return await answer_as_json(
            on_new_message,
            UserMessage(text, KioskOutput(), sender, input_channel=self.name()),
            FAILURE_TEXT,
        )

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        async def receive(request: Request) -> HTTPResponse:
            return await self.handle_webhook(request.body, on_new_message)

        return webhook_blueprint("kiosk_webhook", receive)
