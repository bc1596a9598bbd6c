"""The website widget's socket.io channel: Rasa's own, plus link buttons that survive.

Rasa 3.6's `SocketIOOutput.send_text_with_buttons` turns every button into
`{content_type, title, payload}` and drops `type` and `url`. rasa-webchat 1.0.1 renders a
button with `type: "web_url"` as a real link (`<a class="rw-reply" href=url>`), everything else
as a quick reply that sends its payload. Without `type`/`url`, the tap-to-call button from
actions/handoff.py became a quick reply that sent its tel: link back to the bot as a message.

This channel keeps `type: "web_url"` and `url` for link buttons whose URL is `tel:` or `https:`
(anything else is sent as an ordinary quick reply). A message whose buttons are all links is sent
with `buttons` (rasa-webchat keeps those visible after the next message, so the patient can
still tap to call later); otherwise with `quick_replies`, as Rasa does.

Incoming messages get the same checks as the project's other channels (channels/validation.py:
control characters removed, at most 1000 characters, a session id of 1-128 safe characters);
a malformed event is ignored with a warning instead of raising.

A turn that fails (e.g. the conversation store is unavailable: channels/failures.py) gets an
apology with the phone number on the socket instead of silence.

A sender over the shared per-conversation rate limit (channels/rate_limit.py) gets a polite
"too fast" bot message on its socket; the message does not reach the bot.

Rasa creates its socket.io server with `cors_allowed_origins=[]`, which switches python-engineio's
Origin check off: any web page could open a socket to the assistant. Here the allowed origins
come from CORS_ORIGINS (comma-separated, as for `rasa run --cors`; default
http://localhost:$WEB_PORT, the demo page): a handshake (polling or websocket) whose Origin header
is another site gets HTTP 400 from engine.io. Clients that send no Origin (not browsers) are not
affected. CORS_ORIGINS=* allows every origin.

Registered in credentials.yml as `channels.socketio_channel.SocketIOInput` with the same
settings as Rasa's `socketio:` block. Output channel name stays `socketio`.
"""

import json
import logging
import os
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Union

import rasa.shared.utils.io
from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.core.channels.socketio import SocketIOInput as RasaSocketIOInput
from rasa.core.channels.socketio import SocketIOOutput as RasaSocketIOOutput
from sanic import Blueprint

from channels import rate_limit
from channels.failures import backend_unavailable, failure_text, unavailable_text
from channels.validation import BadRequest, clean_message, clean_sender

logger = logging.getLogger(__name__)

# URL schemes a link button may carry to the browser.
LINK_SCHEMES = ("tel:", "https:")


def allowed_origins() -> Union[Text, List[Text]]:
    """The origins allowed to open a socket: CORS_ORIGINS, comma-separated ("*": any)."""
    default = f"http://localhost:{os.environ.get('WEB_PORT') or 8080}"
    raw = os.environ.get("CORS_ORIGINS") or default
    origins = [origin.strip().rstrip("/") for origin in raw.split(",") if origin.strip()]
    if "*" in origins:
        return "*"
    return origins or [default]


def is_link_button(button: Dict[Text, Any]) -> bool:
    url = button.get("url")
    return (
        button.get("type") == "web_url"
        and isinstance(url, str)
        and url.lower().startswith(LINK_SCHEMES)
    )


def widget_button(button: Dict[Text, Any]) -> Dict[Text, Any]:
    """One button as rasa-webchat 1.0.1 reads it."""
    if is_link_button(button):
        return {"type": "web_url", "title": button["title"], "url": button["url"]}
    if button.get("type") == "web_url":
        logger.warning(
            "Link button %r has no tel:/https: URL: sent as a quick reply.", button.get("title")
        )
    return {"content_type": "text", "title": button["title"], "payload": button.get("payload")}


class SocketIOOutput(RasaSocketIOOutput):
    """Rasa's socket.io output; buttons keep their link (see the module docstring)."""

    async def send_text_with_buttons(
        self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        message_parts = text.strip().split("\n\n") or [text]
        messages: List[Dict[Text, Any]] = [
            {"text": part, "quick_replies": []} for part in message_parts
        ]
        converted = [widget_button(button) for button in buttons]
        last = messages[-1]
        if converted and all(b.get("type") == "web_url" for b in converted):
            # Links only: `buttons` stay visible (quick replies vanish after the next message).
            del last["quick_replies"]
            last["buttons"] = converted
        else:
            last["quick_replies"] = converted
        for message in messages:
            await self._send_message(recipient_id, message)


class SocketIOInput(RasaSocketIOInput):
    """Rasa's socket.io input channel, answering through this module's `SocketIOOutput`."""

    def get_output_channel(self) -> Optional[OutputChannel]:
        if self.sio is None:
            return super().get_output_channel()
        return SocketIOOutput(self.sio, self.bot_message_evt)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        socketio_webhook = super().blueprint(on_new_message)
        sio = self.sio
        # python-engineio 4.7.1 checks the Origin of every request against this (read per
        # request): a handshake from another site gets 400 "... is not an accepted origin".
        sio.eio.cors_allowed_origins = allowed_origins()
        # With a non-empty list engine.io would also add Access-Control-Allow-Origin to its
        # polling responses, next to sanic-cors's: vertebro/rasa_patches.py (patch 5) leaves
        # the headers to sanic-cors.

        # Replaces Rasa's handler for the user message event (python-socketio keeps one handler
        # per event and namespace); same logic, this module's output channel.
        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Any) -> None:
            if not isinstance(data, dict):
                logger.debug("Ignored a %s event that is not an object.", self.user_message_evt)
                return
            try:
                # With session persistence the conversation is the widget's session id.
                sender_id = (
                    clean_sender(data.get("session_id")) if self.session_persistence else sid
                )
                text = clean_message(data.get("message", ""))
            except BadRequest as error:
                rasa.shared.utils.io.raise_warning(
                    f"Ignored a socket.io message: {error}. With session persistence, set the "
                    f"session id with the `session_request` event first."
                )
                return
            decision = rate_limit.shared().check(sender_id)
            if not decision.allowed:
                await sio.emit(self.bot_message_evt, {"text": rate_limit.POLITE_TEXT}, room=sid)
                return
            metadata = data.get(self.metadata_key) or {}
            if isinstance(metadata, str):
                try:
                    metadata = json.loads(metadata)
                except ValueError:
                    metadata = {}
            if not isinstance(metadata, dict):
                metadata = {}
            try:
                await on_new_message(
                    UserMessage(
                        text,
                        SocketIOOutput(sio, self.bot_message_evt),
                        sender_id,
                        input_channel=self.name(),
                        metadata=metadata,
                    )
                )
            except Exception as error:  # the widget gets an answer, never silence
                logger.error("socket.io: the turn failed (%s)", type(error).__name__)
                logger.debug("socket.io turn failure", exc_info=True)
                text = unavailable_text() if backend_unavailable(error) else failure_text()
                await sio.emit(self.bot_message_evt, {"text": text}, room=sid)

        return socketio_webhook
