"""End to end over the SMS channel: signed Twilio Messaging webhooks against the real servers."""

import hashlib
import hmac
import re
import sqlite3
import uuid
from contextlib import closing
from html import unescape
from typing import Dict, List, Optional

import pytest
import requests
from twilio.request_validator import RequestValidator

from tests.e2e.servers import texts
from tests.helpers import fact, sms_params

pytestmark = pytest.mark.e2e

# The start of utter_what_is, the answer to greeting choice 1 (/ask_what_is). "bone cement" alone
# is not specific: other replies (e.g. "Did you mean" choices) can name the cement too.
WHAT_IS = "A vertebroplasty treats back pain"
STOP_REPLY = (
    "You are unsubscribed from the vertebroplasty assistant and will get no more "
    "messages. Reply START to resubscribe."
)
# Every From used here: none may appear in the servers' logs.
USED_NUMBERS: List[str] = []


def new_number() -> str:
    """A fresh fictional number (555-0100 to 555-0199 are reserved for fiction in every area
    code), so that tests do not share per-sender state."""
    while True:
        area = 201 + uuid.uuid4().int % 780
        number = f"+1{area}55501{uuid.uuid4().int % 100:02d}"
        if number not in USED_NUMBERS:
            USED_NUMBERS.append(number)
            return number


def conversation_id(servers, number: str) -> str:
    secret = servers.env["SMS_SENDER_SECRET"].encode()
    return "sms-" + hmac.new(secret, number.encode(), hashlib.sha256).hexdigest()[:32]


def post(
    servers,
    params: Dict[str, str],
    token: Optional[str] = None,
    signature: Optional[str] = None,
    sign: bool = True,
) -> requests.Response:
    url = servers.env["SMS_WEBHOOK_URL"]
    headers = {}
    if sign:
        token = token or servers.env["TWILIO_AUTH_TOKEN"]
        headers["X-Twilio-Signature"] = signature or RequestValidator(token).compute_signature(
            url, params
        )
    # Rasa listens on the URL Twilio would sign (no proxy in the tests).
    return requests.post(url, data=params, headers=headers, timeout=30)


def messages(response: requests.Response) -> List[str]:
    """The <Message> bodies of a TwiML reply, each checked to fit 2 SMS segments."""
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/xml")
    assert response.text.startswith('<?xml version="1.0" encoding="UTF-8"?><Response')
    bodies = [
        unescape(body) for body in re.findall(r"<Message>(.*?)</Message>", response.text, re.S)
    ]
    for body in bodies:
        assert len(body) <= 306, body
    return bodies


def sms(servers, number: str, text: Optional[str]) -> str:
    params = sms_params(number, text, FromZip="", FromCity="")
    return "\n".join(messages(post(servers, params)))


def test_a_signed_question_is_answered_in_twiml(servers):
    reply = sms(servers, new_number(), "how long is recovery")
    assert fact("recovery") in reply
    assert "Reply 1 for" in reply  # the answer's buttons, as numbered choices


def test_health(servers):
    assert requests.get(servers.url + "/webhooks/sms/", timeout=10).json() == {"status": "ok"}


def test_unsigned_is_refused(servers):
    number = new_number()
    response = post(servers, {"From": number, "Body": "STOP"}, sign=False)
    assert response.status_code == 403
    assert "<Message>" not in response.text
    # the STOP did not reach this sender's state
    assert fact("recovery") in sms(servers, number, "how long is recovery")


def test_a_tampered_body_is_refused(servers):
    number = new_number()
    url, token = servers.env["SMS_WEBHOOK_URL"], servers.env["TWILIO_AUTH_TOKEN"]
    signature = RequestValidator(token).compute_signature(url, {"From": number, "Body": "hi"})
    response = post(servers, {"From": number, "Body": "STOP"}, signature=signature)
    assert response.status_code == 403
    assert fact("recovery") in sms(servers, number, "how long is recovery")


def test_a_signature_with_the_wrong_token_is_refused(servers):
    number = new_number()
    response = post(servers, {"From": number, "Body": "STOP"}, token="not-" + uuid.uuid4().hex)
    assert response.status_code == 403
    assert fact("recovery") in sms(servers, number, "how long is recovery")


def test_a_signature_over_another_url_is_refused(servers):
    params = {"From": new_number(), "Body": "hi"}
    token = servers.env["TWILIO_AUTH_TOKEN"]
    signature = RequestValidator(token).compute_signature(
        "https://attacker.example/webhooks/sms/webhook", params
    )
    assert post(servers, params, signature=signature).status_code == 403


def test_greeting_choices_and_a_numbered_reply(servers):
    number = new_number()
    greeting = sms(servers, number, "hi")
    assert "vertebroplasty" in greeting
    assert "Reply 1 for What is it, 2 for" in greeting
    assert "tel:" not in greeting and "/ask_" not in greeting
    reply = sms(servers, number, "1")
    assert WHAT_IS in reply and "bone cement" in reply


def test_the_choice_belongs_to_the_sender(servers):
    first, second = new_number(), new_number()
    sms(servers, first, "hi")
    assert WHAT_IS not in sms(servers, second, "1")
    assert WHAT_IS in sms(servers, first, " 1 ")


def test_a_number_that_is_not_a_choice_is_text(phone, servers):
    number = new_number()
    sms(servers, number, "hi")
    reply = sms(servers, number, "9")
    assert WHAT_IS not in reply and phone in reply  # not understood, with the line


def test_handoff_gives_the_number_without_a_tel_link(phone, servers):
    reply = sms(servers, new_number(), "i need to reschedule")
    assert phone in reply
    assert "tel:" not in reply and "Tap to call" not in reply


def test_stop_then_help_then_start(servers):
    number = new_number()
    assert sms(servers, number, "STOP") == STOP_REPLY
    response = post(servers, {"From": number, "Body": "how long is recovery"})
    assert messages(response) == [] and response.text.endswith("<Response />")
    # One confirmation only: nothing more, not even HELP, until START.
    assert sms(servers, number, "help") == ""
    assert sms(servers, number, "STOP") == ""
    assert "resubscribed" in sms(servers, number, "Start")
    assert fact("recovery") in sms(servers, number, "how long is recovery")


@pytest.mark.parametrize(
    "word",
    [
        "stop",
        "StopAll",
        "UNSUBSCRIBE",
        "cancel",
        "end",
        "quit",
        "REVOKE",
        "optout",
        "stop texting me",
    ],
)
def test_every_stop_keyword(servers, word):
    assert sms(servers, new_number(), word) == STOP_REPLY


def test_help_keyword_without_opting_out(phone, servers):
    assert phone in sms(servers, new_number(), "INFO")


def test_missing_from_is_400(servers):
    response = post(servers, {"Body": "hi", "MessageSid": "SM1"})
    assert response.status_code == 400


@pytest.mark.parametrize(
    "body",
    [
        None,
        "",
        "   ",
        "x" * 5000,
        "😀😀😀",
        "<script>alert(1)</script>",
        "¿Cuánto tiempo dura la recuperación?",
        "\u0000\u0007 hi",
    ],
)
def test_bad_input_gets_a_polite_reply(servers, body):
    number = new_number()
    reply = sms(servers, number, body)
    assert reply.strip()
    assert "<script>" not in reply
    assert fact("recovery") in sms(servers, number, "how long is recovery?")


def test_a_long_answer_fits_in_messages_of_306(phone, servers):
    # the longest domain answer with the medicine named, plus its choices
    reply = sms(servers, new_number(), "i take Eliquis, do i need to stop it?")
    assert "You said you take Eliquis." in reply and phone in reply


def test_the_conversation_is_keyed_by_the_hmac_of_the_number(servers):
    number = new_number()
    # SMS turn: the last answer's topic is recovery
    assert fact("recovery") in sms(servers, number, "how long is recovery")
    # the same tracker, reached over REST under the HMAC id, knows that topic (a fresh
    # conversation would ask "How long for which part?")
    assert fact("recovery") in texts(
        servers.ask("how long does that take?", conversation_id(servers, number))
    )
    # and the per-sender choice state follows the same From
    sms(servers, number, "hi")
    assert WHAT_IS in sms(servers, number, "1")


def stored_conversations(servers) -> Optional[List[tuple]]:
    """(sender_id, event data) rows of the SQLite tracker store, if the servers use one."""
    database = servers.log_dir / "tracker.db"
    if not database.exists():
        return None
    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as connection:
        try:
            return connection.execute("SELECT sender_id, data FROM events").fetchall()
        except sqlite3.OperationalError:  # no events table: not a Rasa tracker store
            return None


def test_no_phone_number_in_the_logs_or_the_tracker_store(servers):
    # runs last in this module: no number used above may appear in either server's log, nor in
    # the tracker store when it is the SQLite file (the HTTP API that serves trackers is off)
    number = new_number()
    sms(servers, number, "hi")
    sms(servers, number, "1")
    sms(servers, number, "STOP")
    logs = "".join(
        (servers.log_dir / name).read_text(encoding="utf-8", errors="replace")
        for name in ("rasa.log", "actions.log")
    )
    rows = stored_conversations(servers)
    stored = "" if rows is None else "\n".join(f"{sender} {data}" for sender, data in rows)
    if rows is not None:
        assert conversation_id(servers, number) in {sender for sender, _ in rows}
    assert len(USED_NUMBERS) > 10
    for used in USED_NUMBERS:
        for form in (used, re.sub(r"\D", "", used), used[2:]):  # +1..., 1..., without +1
            assert form not in logs
            assert form not in stored


# --- Spanish (issue 14) ------------------------------------------------------------------


def test_a_spanish_question_is_answered_in_spanish(servers):
    reply = sms(servers, new_number(), "¿Cuánto tiempo dura la recuperación?")
    assert fact("recovery", "es") in reply and "recuperación" in reply  # accents kept: UCS-2


def test_alto_then_ayuda_then_comenzar_in_spanish(servers):
    number = new_number()
    assert "Se dio de baja" in sms(servers, number, "ALTO")
    assert sms(servers, number, "¿cuándo llego?") == ""
    assert sms(servers, number, "AYUDA") == ""  # nothing until START / COMENZAR
    assert "Se suscribio de nuevo" in sms(servers, number, "COMENZAR")
    assert "ALTO" in sms(servers, number, "AYUDA")


def test_spanish_numbered_choices(servers):
    number = new_number()
    greeting = sms(servers, number, "Español")
    assert "Responda 1 para Qué es, 2 para Cómo me preparo" in greeting
    assert fact("arrival", "es") in sms(servers, number, "2")  # the preparation, in Spanish
