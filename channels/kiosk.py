"""The waiting-room kiosk: a REST-style channel whose answers use the `kiosk` variations.

POST /webhooks/kiosk/webhook {"sender": "<id>", "message": "<text>"} -> list of messages.
Its output channel is named `kiosk`, so domain responses with `channel: kiosk` apply
(e.g. the hand-off says "or ask the front desk" instead of offering tap-to-call).
"""
import logging
from typing import Any, Awaitable, Callable, Text

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels import rate_limit
from channels.validation import BadRequest, parse_chat_request, read_json_body

logger = logging.getLogger(__name__)


class KioskOutput(CollectingOutputChannel):
    @classmethod
    def name(cls) -> Text:
        return "kiosk"


class KioskInput(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return "kiosk"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        kiosk = Blueprint("kiosk_webhook", __name__)

        @kiosk.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @kiosk.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                sender, text, _ = parse_chat_request(read_json_body(request.body))
            except BadRequest as error:  # 400, or 413 over MAX_BODY_BYTES
                return response.json({"error": str(error)}, status=error.status)
            decision = rate_limit.shared().check(sender)
            if not decision.allowed:
                return rate_limit.too_many_requests(decision)
            collector = KioskOutput()
            await on_new_message(UserMessage(text, collector, sender, input_channel=self.name()))
            return response.json(collector.messages)

        return kiosk
