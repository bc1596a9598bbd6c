"""SMS through a Twilio phone number: Twilio's Messaging webhook in, TwiML out.

POST /webhooks/sms/webhook (form-encoded From, Body, MessageSid, ...) -> application/xml TwiML.
The answer goes back in the webhook response (<Response><Message>...</Message></Response>);
this channel never calls Twilio's REST API.

- Every request must carry a valid X-Twilio-Signature, computed by Twilio over the PUBLIC
  webhook URL (`webhook_url`, not `request.url`, which is wrong behind a proxy) and the form
  parameters. Missing or wrong signature: HTTP 403, and nothing reaches a conversation.
- The patient's phone number is never stored or logged: the conversation id is
  "sms-" + HMAC-SHA256(sender_secret, From). From and Body are never logged at INFO.
- STOP / START / HELP keywords (and "stop texting me") are answered here, without the bot;
  after an opt-out, one confirmation and then nothing until START.
- Opt-outs, pending choices and rate-limit buckets are kept in the tracker store's database
  (storage/sms_state.py), keyed by the hashed sender: every replica and a restart see them.
- Over the per-conversation rate limit (channels/rate_limit.py, keyed by the hashed id),
  a message does not reach the bot; the sender gets a polite "too fast" text.
- Buttons become "Reply 1 for <title>, 2 for <title>."; a reply of just "1" is mapped back to
  that button's payload. Buttons that are not intents (tel: links...) are dropped: the number
  is already in the text on this channel.
- Replies are GSM-7 only (curly quotes, dashes, ellipsis... replaced) and cut at sentence or
  word boundaries into <Message> bodies of at most 306 GSM-7 characters (2 SMS segments).

The output channel is named `sms`, so domain responses with `channel: sms` apply.
"""
import hashlib
import hmac
import logging
import re
import unicodedata
from collections import OrderedDict
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, Iterable, List, Optional, Text, Tuple
from urllib.parse import parse_qsl, urlparse

import yaml
from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from rasa.shared.exceptions import RasaException
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from channels import failures, metrics, rate_limit
from channels.choices import is_intent_payload, one_set_of_choices
from channels.validation import clean_message

logger = logging.getLogger(__name__)

CHANNEL_NAME = "sms"
DOMAIN_FILE = Path(__file__).resolve().parent.parent / "domain.yml"
PHONE_SLOT = "phone"

# Twilio accepts at most 1600 characters in a message body.
MAX_INBOUND_CHARS = 1600
# 2 concatenated GSM-7 segments of 153 septets each.
MAX_MESSAGE_SEPTETS = 306
# A Messaging webhook has about 20-40 fields (more with MMS media); refuse absurd bodies.
MAX_FORM_FIELDS = 200
# Conversations whose pending choices / opt-out flag are kept in memory.
MAX_CONVERSATIONS = 10_000
SENDER_ID_HEX_CHARS = 32
MESSAGE_SID = re.compile(r"^[A-Za-z0-9]{1,64}$")

# The industry-standard words, plus REVOKE and OPTOUT, which Twilio also treats as opt-outs.
STOP_KEYWORDS = {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"}
START_KEYWORDS = {"START", "UNSTOP"}
# "yes" is also an ordinary answer to the bot ("Is there anything else?"), so it only counts as
# an opt-in keyword for a sender who has opted out.
START_IF_OPTED_OUT_KEYWORDS = {"YES"}
HELP_KEYWORDS = {"HELP", "INFO"}
# Plain requests to stop, as a whole message: "stop texting me", "please don't text me again",
# "unsubscribe me", "remove me from this list", "no more texts".
OPT_OUT_REQUEST = re.compile(
    r"^\s*(?:please\s+)?(?:"
    r"(?:stop|quit|cease)\s+(?:texting|messaging|sending|contacting|txting|texing)(?:\s+(?:me|us))?"
    r"(?:\s+(?:messages|texts))?(?:\s+(?:now|please|again|anymore|any\s+more))*"
    r"|(?:do\s+not|don'?t|dont)\s+(?:text|message|contact|txt)\s+(?:me|us)"
    r"(?:\s+(?:again|anymore|any\s+more|please))*"
    r"|(?:unsubscribe|opt\s*out|remove)\s+me(?:\s+from\s+(?:this|the|your)\s+(?:list|texts|messages))?"
    r"|no\s+more\s+(?:texts|messages|txts)(?:\s+please)?"
    r")\s*(?:please)?\s*[.!]*\s*$", re.I)

STOP_REPLY = ("You are unsubscribed from the vertebroplasty assistant and will get no more "
              "messages. Reply START to resubscribe.")
START_REPLY = ("You are resubscribed to the vertebroplasty assistant. Ask a question about your "
               "procedure, reply HELP for help or STOP to stop.")
HELP_REPLY = ("Vertebroplasty assistant: answers about your procedure. For scheduling or "
              "questions, call {phone}. Reply STOP to stop.")


class SmsConfigError(RasaException):
    """The SMS channel is misconfigured; the message says what to set."""


# --- conversation ids --------------------------------------------------------------------------

def hash_sender(phone_number: Text, secret: Text) -> Text:
    """The conversation id for a phone number: "sms-" + HMAC-SHA256(secret, number), 32 hex.

    Keyed, so the id cannot be reversed by hashing all phone numbers without the secret.
    """
    digest = hmac.new(secret.encode("utf-8"), phone_number.strip().encode("utf-8"),
                      hashlib.sha256).hexdigest()
    return "sms-" + digest[:SENDER_ID_HEX_CHARS]


# --- GSM-7 ---------------------------------------------------------------------------------------

# GSM 03.38 basic character set (without the ESC character) and its extension table; an
# extension character takes 2 septets.
GSM_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
GSM_EXTENSION = set("^{}\\[~]|€\f")

# Characters that commonly slip into text (from word processors, copy and paste) and would force
# the whole message into UCS-2 (70 characters a segment instead of 160).
GSM_SUBSTITUTIONS = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u2039": "'", "\u203a": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u00ad": "",
    "\u2026": "...",
    "\u2022": "-", "\u00b7": "-", "\u25cf": "-",
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ",
    "\u202f": " ", "\t": " ",
    "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "",
    "\u00d7": "x", "\u2122": "TM", "\u00ae": "(R)", "\u00a9": "(C)",
}


def _gsm_char(char: Text) -> Text:
    if char in GSM_BASIC or char in GSM_EXTENSION:
        return char
    if char in GSM_SUBSTITUTIONS:
        return GSM_SUBSTITUTIONS[char]
    # Accented letters outside GSM-7 (á, í, ó, ú, ...): the base letter.
    folded = "".join(c for c in unicodedata.normalize("NFKD", char)
                     if not unicodedata.combining(c))
    if folded and all(c in GSM_BASIC for c in folded):
        return folded
    return ""  # emoji and other symbols: dropped rather than turning the SMS into UCS-2


def to_gsm(text: Text) -> Text:
    """The text in the GSM-7 alphabet: common punctuation replaced, accents folded."""
    return "".join(_gsm_char(char) for char in text)


def gsm_length(text: Text) -> int:
    """Length in GSM-7 septets (extension characters count twice)."""
    return sum(2 if char in GSM_EXTENSION else 1 for char in text)


def is_gsm(text: Text) -> bool:
    return all(char in GSM_BASIC or char in GSM_EXTENSION for char in text)


# --- plain text ----------------------------------------------------------------------------------

_LINK = re.compile(r"\[([^\]]+)\]\(\s*([^)\s]+)\s*\)")
_MARKUP = [
    (re.compile(r"\*\*(.+?)\*\*", re.S), r"\1"),
    (re.compile(r"__(.+?)__", re.S), r"\1"),
    (re.compile(r"~~(.+?)~~", re.S), r"\1"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", re.S), r"\1"),
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)", re.S), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"^\s{0,3}#{1,6}\s+", re.M), ""),
    (re.compile(r"^\s*[*+]\s+", re.M), "- "),
]


def _link(match: "re.Match") -> Text:
    label, url = match.group(1).strip(), match.group(2)
    if url.lower().startswith(("tel:", "sms:", "mailto:")) or url in label:
        return label
    return f"{label} ({url})"


def to_plain_text(text: Text) -> Text:
    """Markdown removed (bold, italics, links, headings), spaces folded, lines kept."""
    text = _LINK.sub(_link, text)
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    return _fold_spaces(text)


def _fold_spaces(text: Text) -> Text:
    """Runs of spaces folded, lines trimmed, empty lines dropped."""
    lines = (" ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def sms_text(text: Text) -> Text:
    """Bot text as it goes out by SMS: plain, GSM-7 only."""
    return _fold_spaces(to_gsm(to_plain_text(text)))


# --- buttons as numbered choices -----------------------------------------------------------------

def choice_title(title: Any) -> Text:
    """A button title as it reads inside "Reply 1 for <title>, ...": no closing ?/./!."""
    return sms_text(str(title or "")).replace("\n", " ").strip().rstrip("?.!,;: ")


def choices_line(titles: List[Text], first_number: int = 1) -> Text:
    """"Reply 1 for A, 2 for B." numbered from `first_number`."""
    parts = [f"{number} for {title}" for number, title in enumerate(titles, first_number)]
    return "Reply " + ", ".join(parts) + "."


def render_messages(messages: Iterable[Dict[Text, Any]]) -> Tuple[List[Text], List[Text]]:
    """The bot's messages of one turn as SMS paragraphs, and the payloads of the choices offered.

    Buttons are numbered across the whole turn; only buttons with an intent payload are kept.
    Images and attachments are sent as their URL; custom JSON is not sent.
    """
    paragraphs: List[Text] = []
    payloads: List[Text] = []
    for message in messages:
        text = sms_text(message.get("text") or "")
        if text:
            paragraphs.append(text)
        for key in ("image", "attachment"):
            if isinstance(message.get(key), str) and message[key].strip():
                paragraphs.append(to_gsm(message[key].strip()))
        titles = []
        for button in message.get("buttons") or []:
            if not isinstance(button, dict) or not is_intent_payload(button.get("payload")):
                continue
            title = choice_title(button.get("title"))
            if title:
                titles.append(title)
                payloads.append(button["payload"].strip())
        if titles:
            paragraphs.append(choices_line(titles, len(payloads) - len(titles) + 1))
    return paragraphs, payloads


# --- splitting into messages of at most 306 septets ----------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def _hard_cut(word: Text, limit: int) -> List[Text]:
    pieces, current = [], ""
    for char in word:
        if gsm_length(current + char) > limit:
            pieces.append(current)
            current = ""
        current += char
    return pieces + ([current] if current else [])


def _pack(units: List[Text], limit: int, separator: Text) -> List[Text]:
    """Greedily join units (each at most `limit`) with `separator` into chunks within `limit`."""
    chunks: List[Text] = []
    current = ""
    for unit in units:
        candidate = current + separator + unit if current else unit
        if gsm_length(candidate) <= limit:
            current = candidate
        else:
            if current:
                chunks.append(current)
            current = unit
    if current:
        chunks.append(current)
    return chunks


def _split_sentence(sentence: Text, limit: int) -> List[Text]:
    words: List[Text] = []
    for word in sentence.split():
        words.extend(_hard_cut(word, limit) if gsm_length(word) > limit else [word])
    return _pack(words, limit, " ")


def split_text(text: Text, limit: int = MAX_MESSAGE_SEPTETS) -> List[Text]:
    """One paragraph as pieces of at most `limit` septets, cut between sentences if possible,
    else between words; a single word longer than `limit` is cut."""
    text = text.strip()
    if not text:
        return []
    if gsm_length(text) <= limit:
        return [text]
    sentences: List[Text] = []
    for sentence in _SENTENCE_END.split(text):
        sentence = sentence.strip()
        if not sentence:
            continue
        sentences.extend(_split_sentence(sentence, limit)
                         if gsm_length(sentence) > limit else [sentence])
    return _pack(sentences, limit, " ")


def split_for_sms(paragraphs: Iterable[Text], limit: int = MAX_MESSAGE_SEPTETS) -> List[Text]:
    """Paragraphs as few message bodies as possible, each at most `limit` GSM-7 septets.
    Paragraphs are joined with a line break; a long paragraph is split cleanly."""
    pieces: List[Text] = []
    for paragraph in paragraphs:
        pieces.extend(split_text(paragraph, limit))
    return _pack(pieces, limit, "\n")


def twiml(bodies: Iterable[Text]) -> Text:
    """A TwiML document answering with one <Message> per body (none: an empty <Response/>)."""
    reply = MessagingResponse()
    for body in bodies:
        reply.message(body)
    return str(reply)


# --- keywords ------------------------------------------------------------------------------------

def keyword(text: Optional[Text]) -> Optional[Text]:
    """The compliance keyword in a message, if the whole message is one: "stop", "start",
    "start_if_opted_out" or "help" (case-insensitive, surrounding spaces and a closing . or !
    ignored)."""
    word = (text or "").strip().rstrip(".!").strip().upper()
    if word in STOP_KEYWORDS or OPT_OUT_REQUEST.match(text or ""):
        return "stop"
    if word in START_KEYWORDS:
        return "start"
    if word in START_IF_OPTED_OUT_KEYWORDS:
        return "start_if_opted_out"
    if word in HELP_KEYWORDS:
        return "help"
    return None


def chosen_payload(text: Optional[Text], payloads: List[Text]) -> Optional[Text]:
    """The payload of the numbered choice a reply picks ("1" -> payloads[0]), if it picks one."""
    value = (text or "").strip()
    if not value.isdigit() or not value.isascii():
        return None
    number = int(value)
    if 1 <= number <= len(payloads):
        return payloads[number - 1]
    return None


# --- per-conversation state ----------------------------------------------------------------------

class ConversationStore:
    """Pending numbered choices and the opt-out flag, per conversation id (the HMAC, never the
    phone number), for at most `max_size` conversations; the least recently used go first.

    In memory, in this process: for tests, and the fallback when the tracker store has no SQL
    database (the server uses storage/sms_state.py). All access happens on the event loop
    thread, so no lock is needed.
    """

    def __init__(self, max_size: int = MAX_CONVERSATIONS) -> None:
        self.max_size = max_size
        self._entries: "OrderedDict[Text, Dict[Text, Any]]" = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, sender_id: Text) -> bool:
        return sender_id in self._entries

    def _peek(self, sender_id: Text) -> Dict[Text, Any]:
        entry = self._entries.get(sender_id)
        if entry is not None:
            self._entries.move_to_end(sender_id)
        return entry or {}

    def _entry(self, sender_id: Text) -> Dict[Text, Any]:
        entry = self._entries.get(sender_id)
        if entry is None:
            entry = self._entries[sender_id] = {"choices": [], "opted_out": False}
            while len(self._entries) > self.max_size:
                self._entries.popitem(last=False)
        else:
            self._entries.move_to_end(sender_id)
        return entry

    def choices(self, sender_id: Text) -> List[Text]:
        return list(self._peek(sender_id).get("choices", []))

    def set_choices(self, sender_id: Text, payloads: List[Text]) -> None:
        if payloads or sender_id in self._entries:
            self._entry(sender_id)["choices"] = list(payloads)

    def is_opted_out(self, sender_id: Text) -> bool:
        return bool(self._peek(sender_id).get("opted_out"))

    def check_rate(self, sender_id: Text, limiter: rate_limit.RateLimiter) -> rate_limit.Decision:
        return limiter.check(sender_id)

    def set_opted_out(self, sender_id: Text, opted_out: bool) -> None:
        entry = self._entry(sender_id)
        entry["opted_out"] = opted_out
        entry["choices"] = []


# --- the channel ---------------------------------------------------------------------------------

class SmsOutput(CollectingOutputChannel):
    """Collects the bot's messages of one turn; `render()` turns them into SMS bodies."""

    @classmethod
    def name(cls) -> Text:
        return CHANNEL_NAME

    def render(self) -> Tuple[List[Text], List[Text]]:
        """(message bodies of at most 306 GSM-7 characters, payloads of the numbered choices)."""
        paragraphs, payloads = render_messages(one_set_of_choices(self.messages))
        return split_for_sms(paragraphs), payloads


def load_phone(domain_file: Path = DOMAIN_FILE) -> Text:
    """The scheduling line from the domain's `phone` slot (its one home)."""
    try:
        with open(domain_file, encoding="utf-8") as handle:
            domain = yaml.safe_load(handle) or {}
        phone = domain["slots"][PHONE_SLOT]["initial_value"]
    except (OSError, yaml.YAMLError, KeyError, TypeError) as error:
        raise SmsConfigError(
            f"The SMS channel reads the scheduling line from slots.{PHONE_SLOT}.initial_value "
            f"in {domain_file}, which failed: {error!r}") from error
    if not isinstance(phone, str) or not phone.strip():
        raise SmsConfigError(f"slots.{PHONE_SLOT}.initial_value in {domain_file} is empty.")
    return phone.strip()


def parse_form(body: bytes) -> Optional[Dict[Text, Text]]:
    """Form fields of an x-www-form-urlencoded body, blank values KEPT (Twilio signs them; Sanic's
    `request.form` drops them, which would fail the signature of real Twilio requests).
    None if the body is not a valid form or repeats a field (Twilio never does)."""
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False,
                          max_num_fields=MAX_FORM_FIELDS)
    except (UnicodeDecodeError, ValueError):
        return None
    form = dict(pairs)
    return form if len(form) == len(pairs) else None


class SmsInput(InputChannel):
    """Twilio Messaging webhook with signature check; answers in the webhook response as TwiML."""

    @classmethod
    def name(cls) -> Text:
        return CHANNEL_NAME

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
                f"without them.")
        return cls(value("auth_token"), value("webhook_url"), value("sender_secret"))

    def __init__(self, auth_token: Text, webhook_url: Text, sender_secret: Text,
                 phone: Optional[Text] = None,
                 store: Optional[ConversationStore] = None) -> None:
        if not auth_token or not sender_secret:
            raise SmsConfigError("The SMS channel needs auth_token and sender_secret.")
        if urlparse(webhook_url or "").scheme not in ("http", "https"):
            raise SmsConfigError(
                "The SMS channel's webhook_url (SMS_WEBHOOK_URL) must be the full http(s) URL "
                "Twilio posts to, e.g. https://assistant.example.org/webhooks/sms/webhook.")
        self.validator = RequestValidator(auth_token)
        self.webhook_url = webhook_url
        self.sender_secret = sender_secret
        self.phone = phone or load_phone()
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
                logger.warning("SMS: the tracker store has no SQL database; opt-outs and "
                               "choices are kept in this process's memory only")
                self.store = ConversationStore()
        return self.store

    def keyword_reply(self, sender_id: Text, text: Text) -> Optional[List[Text]]:
        """Bodies answering a compliance keyword ([] = answer nothing), or None: not a keyword.

        After an opt-out the sender gets one confirmation, then nothing (not even HELP or a
        repeated STOP) until START, UNSTOP or YES."""
        store = self.state()
        kind = keyword(text)
        opted_out = store.is_opted_out(sender_id)
        if kind == "start" or (kind == "start_if_opted_out" and opted_out):
            store.set_opted_out(sender_id, False)
            return [START_REPLY]
        if opted_out:
            return []
        if kind == "stop":
            store.set_opted_out(sender_id, True)
            metrics.SMS_OPT_OUTS.inc()
            logger.info("SMS: a sender opted out")
            return [STOP_REPLY]
        if kind == "help":
            return [to_gsm(HELP_REPLY.format(phone=self.phone))]
        return None

    def get_output_channel(self) -> SmsOutput:
        return SmsOutput()

    async def handle_webhook(self, body: bytes, signature: Text,
                             on_new_message: Callable[[UserMessage], Awaitable[Any]],
                             app: Any = None) -> HTTPResponse:
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
            await on_new_message(UserMessage(
                text, collector, sender_id, input_channel=self.name(),
                message_id=message_sid if MESSAGE_SID.match(message_sid) else None))
            bodies, payloads = collector.render()
            store.set_choices(sender_id, payloads)
        except Exception as error:  # the patient gets an answer, never a 500
            return self._failure_reply(error)
        logger.debug("SMS %s: %d message(s), %d choice(s)", sender_id, len(bodies),
                     len(payloads))
        return _xml(bodies)

    def _failure_reply(self, error: BaseException) -> HTTPResponse:
        """The text every channel sends when a turn fails (channels/failures.py): the outage
        apology when a store is unavailable, else the general apology; both with the line."""
        logger.error("SMS: the turn failed (%s)", type(error).__name__)
        logger.debug("SMS turn failure", exc_info=True)
        text = (failures.unavailable_text() if failures.backend_unavailable(error)
                else failures.failure_text())
        return _xml([to_gsm(text)])

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        sms = Blueprint("sms_webhook", __name__)

        @sms.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sms.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            return await self.handle_webhook(
                request.body, request.headers.get("X-Twilio-Signature", ""), on_new_message,
                app=request.app)

        return sms


def _xml(bodies: List[Text]) -> HTTPResponse:
    return response.text(twiml(bodies), content_type="application/xml")
