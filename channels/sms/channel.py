"""The SMS channel itself: Twilio's Messaging webhook in, TwiML out (see the package's
docstring for what it guarantees)."""

import logging
import re
from typing import Any, Awaitable, Callable, Dict, Iterable, List, Optional, Text, Tuple
from urllib.parse import parse_qsl, urlparse

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from rasa.shared.exceptions import RasaException
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from channels import failures, metrics, rate_limit
from channels.choices import one_set_of_choices
from channels.sms.gsm import to_gsm
from channels.sms.ids import hash_sender
from channels.sms.keywords import keyword, keyword_language, reply
from channels.sms.menus import chosen_payload, render_messages
from channels.sms.split import split_for_sms
from channels.sms.state import ConversationStore
from channels.validation import clean_message
from channels.webhook import webhook_blueprint
from components import languages
from components.languages import SPANISH
from vertebro import settings
from vertebro.names import SMS_CHANNEL

logger = logging.getLogger(__name__)

# Twilio accepts at most 1600 characters in a message body.
MAX_INBOUND_CHARS = 1600
# A Messaging webhook has about 20-40 fields (more with MMS media); refuse absurd bodies.
MAX_FORM_FIELDS = 200
MESSAGE_SID = re.compile(r"^[A-Za-z0-9]{1,64}$")


class SmsConfigError(RasaException):
    """The SMS channel is misconfigured; the message says what to set."""


def twiml(bodies: Iterable[Text]) -> Text:
    """A TwiML document answering with one <Message> per body (none: an empty <Response/>)."""
    reply = MessagingResponse()
    for body in bodies:
        reply.message(body)
    return str(reply)


class SmsOutput(CollectingOutputChannel):
    """Collects the bot's messages of one turn; `render()` turns them into SMS bodies."""

    @classmethod
    def name(cls) -> Text:
        return SMS_CHANNEL

    def render(self) -> Tuple[List[Text], List[Text]]:
        """(message bodies of at most 2 SMS segments each, payloads of the numbered choices)."""
        messages = one_set_of_choices(self.messages)
        paragraphs, payloads = render_messages(messages, reply_language(messages))
        return split_for_sms(paragraphs), payloads


def reply_language(messages: List[Dict[Text, Any]]) -> Text:
    """The language the bot answered in (its answers follow the conversation's language), for
    the "Reply 1 for ..." line: "es" when the detector is sure the texts are Spanish."""
    text = " ".join(m.get("text") or "" for m in messages)[:400]
    if not text.strip():
        return "en"
    reading = languages.guess(text)
    return SPANISH if reading.language == SPANISH and reading.confidence >= 0.8 else "en"


def parse_form(body: bytes) -> Optional[Dict[Text, Text]]:
    """Form fields of an x-www-form-urlencoded body, blank values KEPT (Twilio signs them; Sanic's
    `request.form` drops them, which would fail the signature of real Twilio requests).
    None if the body is not a valid form or repeats a field (Twilio never does)."""
    try:
        pairs = parse_qsl(
            body.decode("utf-8"),
            keep_blank_values=True,
            strict_parsing=False,
            max_num_fields=MAX_FORM_FIELDS,
        )
    except (UnicodeDecodeError, ValueError):
        return None
    form = dict(pairs)
    return form if len(form) == len(pairs) else None


class SmsInput(InputChannel):
    """Twilio Messaging webhook with signature check; answers in the webhook response as TwiML."""

    @classmethod
    def name(cls) -> Text:
        return SMS_CHANNEL

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        credentials = credentials or {}

        def value(key: Text) -> Text:
            raw = credentials.get(key)
            return "" if raw is None else str(raw).strip()

        missing = [key for key in ("auth_token", "sender_secret", "webhook_url") if not value(key)]
        if missing:
            raise SmsConfigError(
                f"The SMS channel ({cls.__module__}.{cls.__name__} in credentials.yml) needs "
                f"{', '.join(missing)}: set TWILIO_AUTH_TOKEN (the Twilio account's auth token), "
                f"SMS_SENDER_SECRET (a random secret that keys the hashed conversation ids) and "
                f"SMS_WEBHOOK_URL (the public URL Twilio posts to) in .env. Refusing to start "
                f"without them."
            )
        return cls(value("auth_token"), value("webhook_url"), value("sender_secret"))

    def __init__(
        self,
        auth_token: Text,
        webhook_url: Text,
        sender_secret: Text,
        phone: Optional[Text] = None,
        store: Optional[ConversationStore] = None,
    ) -> None:
        if not auth_token or not sender_secret:
            raise SmsConfigError("The SMS channel needs auth_token and sender_secret.")
        if urlparse(webhook_url or "").scheme not in ("http", "https"):
            raise SmsConfigError(
                "The SMS channel's webhook_url (SMS_WEBHOOK_URL) must be the full http(s) URL "
                "Twilio posts to, e.g. https://assistant.example.org/webhooks/sms/webhook."
            )
        self.validator = RequestValidator(auth_token)
        self.webhook_url = webhook_url
        self.sender_secret = sender_secret
        self.phone = phone or settings.phone()
        # None: the tracker store's database, found on the first request (storage/sms_state.py).
        self.store = store

    def sender_id(self, phone_number: Text) -> Text:
        return hash_sender(phone_number, self.sender_secret)

    def is_signed(self, form: Optional[Dict[Text, Text]], signature: Text) -> bool:
        if form is None or not signature:
            return False
        try:
            return self.validator.validate(self.webhook_url, form, signature)
        except Exception:  # never a 500 for a malformed request
            logger.debug("SMS signature check failed", exc_info=True)
            return False

    def state(self, app: Any = None) -> Any:
        """Where opt-outs, pending choices and rate-limit buckets live: the store given to the
        constructor, else a table in the tracker store's database (every replica and a restart
        see it), else (a tracker store without SQL) this process's memory."""
        if self.store is None:
            from storage.sms_state import from_tracker_store

            agent = getattr(getattr(app, "ctx", None), "agent", None)
            self.store = from_tracker_store(getattr(agent, "tracker_store", None))
            if self.store is None:
                logger.warning(
                    "SMS: the tracker store has no SQL database; opt-outs and "
                    "choices are kept in this process's memory only"
                )
                self.store = ConversationStore()
        return self.store

    def keyword_reply(self, sender_id: Text, text: Text) -> Optional[List[Text]]:
        """Bodies answering a compliance keyword ([] = answer nothing), or None: not a keyword.

        After an opt-out the sender gets one confirmation, then nothing (not even HELP or a
        repeated STOP) until START, UNSTOP or YES."""
        store = self.state()
        kind = keyword(text)
        language = keyword_language(text)
        opted_out = store.is_opted_out(sender_id)
        if kind == "start" or (kind == "start_if_opted_out" and opted_out):
            store.set_opted_out(sender_id, False)
            return [to_gsm(reply("start", language))]
        if opted_out:
            return []
        if kind == "stop":
            store.set_opted_out(sender_id, True)
            metrics.SMS_OPT_OUTS.inc()
            logger.info("SMS: a sender opted out")
            return [to_gsm(reply("stop", language))]
        if kind == "help":
            return [to_gsm(reply("help", language).format(phone=self.phone))]
        return None

    def get_output_channel(self) -> SmsOutput:
        return SmsOutput()

    async def handle_webhook(
        self,
        body: bytes,
        signature: Text,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        app: Any = None,
    ) -> HTTPResponse:
        """One Messaging webhook request: 403 unsigned, 400 without From, else TwiML."""
        form = parse_form(body or b"")
        if not self.is_signed(form, signature):
            logger.warning("SMS webhook: refused a request without a valid Twilio signature")
            return response.text("invalid or missing X-Twilio-Signature", status=403)

        phone_number = (form.get("From") or "").strip()
        if not phone_number:
            logger.warning("SMS webhook: signed request without From")
            return response.text("missing From", status=400)
        sender_id = self.sender_id(phone_number)
        text = clean_message(form.get("Body"), max_chars=MAX_INBOUND_CHARS)

        try:
            store = self.state(app)
            bodies = self.keyword_reply(sender_id, text)
            if bodies is not None:
                logger.debug("SMS %s: keyword or opted out, not sent to the bot", sender_id)
                return _xml(bodies)
            # After the keywords: STOP/START always work, and an opted-out sender gets nothing.
            # The polite text goes out once per run of refused messages (each SMS costs, and a
            # loop with another auto-responder must not keep going); later ones get nothing.
            decision = store.check_rate(sender_id, rate_limit.shared())
            if not decision.allowed:
                logger.debug("SMS %s: over the rate limit, not sent to the bot", sender_id)
                return _xml([rate_limit.POLITE_TEXT] if decision.first_refusal else [])
            payload = chosen_payload(text, store.choices(sender_id))
        except Exception as error:  # the state's database: the same outage answer as elsewhere
            return self._failure_reply(error)
        if payload is not None:
            text = payload

        collector = self.get_output_channel()
        message_sid = form.get("MessageSid") or ""
        try:
            await on_new_message(
                UserMessage(
                    text,
                    collector,
                    sender_id,
                    input_channel=self.name(),
                    message_id=message_sid if MESSAGE_SID.match(message_sid) else None,
                )
            )
            bodies, payloads = collector.render()
            store.set_choices(sender_id, payloads)
        except Exception as error:  # the patient gets an answer, never a 500
            return self._failure_reply(error)
        logger.debug("SMS %s: %d message(s), %d choice(s)", sender_id, len(bodies), len(payloads))
        return _xml(bodies)

    def _failure_reply(self, error: BaseException) -> HTTPResponse:
        """The text every channel sends when a turn fails (channels/failures.py): the outage
        apology when a store is unavailable, else the general apology; both with the line."""
        logger.error("SMS: the turn failed (%s)", type(error).__name__)
        logger.debug("SMS turn failure", exc_info=True)
        text = (
            failures.unavailable_text()
            if failures.backend_unavailable(error)
            else failures.failure_text()
        )
        return _xml([to_gsm(text)])

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        async def receive(request: Request) -> HTTPResponse:
            return await self.handle_webhook(
                request.body,
                request.headers.get("X-Twilio-Signature", ""),
                on_new_message,
                app=request.app,
            )

        return webhook_blueprint("sms_webhook", receive)


def _xml(bodies: List[Text]) -> HTTPResponse:
    return response.text(twiml(bodies), content_type="application/xml")
