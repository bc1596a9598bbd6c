"""Bad input against every webhook, end to end: a 4xx or a polite reply, never a 500, never a
dropped connection, and the webhook still answers a normal question right after.

Table-driven over REST (/webhooks/rest/webhook), kiosk (/webhooks/kiosk/webhook), SMS
(/webhooks/sms/webhook, signed like Twilio) and the widget's socket.io channel (websocket, the
demo page's Origin, session persistence). Also: the HTTP API is off, the per-conversation rate
limit, the socket.io Origin check, and (last) that no message text or phone number sent here
reached the Rasa server's log (or the action server's). A summary line per webhook goes to results/bad_input.txt.

socket.io has no status code: an event the channel refuses (not an object, a message that is not
a string, an unsafe session id...) is ignored with a warning in the server log; it is counted
as "refused". A frame over engine.io's max_http_buffer_size (1,000,000 bytes) makes engine.io
close that connection (its only way to refuse it): counted as "closed by engine.io"; the server
stays up and a new connection is answered.
"""

import json
import queue
import re
import time
import uuid
from collections import Counter
from html import unescape
from typing import Any, Callable, Dict, List, Optional, Tuple
from urllib.parse import urlencode

import pytest
import requests
import socketio
import websocket
from twilio.request_validator import RequestValidator

from tests.e2e.servers import ROOT, texts
from tests.helpers import fact, sms_params

pytestmark = pytest.mark.e2e

NORMAL, ANSWER = "how long is recovery", fact("recovery")
POLITE = "You are sending messages very fast. Please wait a moment and try again."
# In the text of every message sent here that can reach the bot: must never be in the log.
MARKER = "zqmark" + uuid.uuid4().hex[:12]
RESULTS: Dict[str, Counter] = {}
USED_NUMBERS: List[str] = []
TIMEOUT = 60

REST, KIOSK, SMS, SOCKETIO = "rest", "kiosk", "sms", "socketio"
PATHS = {
    REST: "/webhooks/rest/webhook",
    KIOSK: "/webhooks/kiosk/webhook",
    SMS: "/webhooks/sms/webhook",
    SOCKETIO: "/socket.io",
}


def record(webhook: str, outcome: str) -> None:
    RESULTS.setdefault(webhook, Counter())[outcome] += 1


def new_sender(webhook: str) -> str:
    return f"bad-{webhook}-{uuid.uuid4().hex[:12]}"


def new_number() -> str:
    """A fictional number (555-0100 to 555-0199), unique in this module."""
    while True:
        number = f"+1{201 + uuid.uuid4().int % 780}55501{uuid.uuid4().int % 100:02d}"
        if number not in USED_NUMBERS:
            USED_NUMBERS.append(number)
            return number


def j(value: Any) -> bytes:
    return json.dumps(value).encode()


# --- the cases ---------------------------------------------------------------------------------

LONG_TEXT = (MARKER + " " + "my back hurts after the procedure " * 400)[:10_000]
EMOJI = "😀🦴💉🏥👍🏽"
HTML = f"<script>alert('{MARKER}')</script><img src=x onerror=alert(1)><b>hi</b>"
SQL = f"'; DROP TABLE events; -- {MARKER}"
SQL_UNION = f"1' OR '1'='1' UNION SELECT sender_id, data FROM events -- {MARKER}"
CONTROL = f"\x00\x01\x07\x1b[31m hi {MARKER} \x7f\x85\x9f\u200b\ufeff"
LONG_SENDER = "a" * 10_000


def message_case(message: Any) -> Callable[[str], bytes]:
    return lambda sender: j({"sender": sender, "message": message})


def sender_case(bad_sender: Any) -> Callable[[str], bytes]:
    return lambda sender: j({"sender": bad_sender, "message": f"hi {MARKER}"})


# (case, body for a valid unique sender id, query string, headers other than
# Content-Type: application/json)
JSON_CASES: List[Tuple[str, Callable[[str], bytes], str, Optional[Dict[str, str]]]] = [
    ("malformed JSON", lambda s: b'{"sender": "%s", "message": "hi' % s.encode(), "", None),
    (
        "malformed JSON, single quotes",
        lambda s: f"{{'sender': '{s}', 'message': 'hi'}}".encode(),
        "",
        None,
    ),
    ("trailing garbage after JSON", lambda s: j({"sender": s, "message": "hi"}) + b"}}", "", None),
    (
        "malformed JSON, no Content-Type",
        lambda s: b'{"sender": "%s", "message": "hi' % s.encode(),
        "",
        {},
    ),
    (
        "malformed JSON, a browser's Accept: text/html",
        lambda s: b'{"sender": "%s", "message": "hi' % s.encode(),
        "",
        {"Content-Type": "text/plain", "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"},
    ),
    ("empty body", lambda s: b"", "", None),
    (
        "form-encoded body",
        lambda s: urlencode({"sender": s, "message": "hi"}).encode(),
        "",
        {"Content-Type": "application/x-www-form-urlencoded"},
    ),
    ("XML body", lambda s: b"<message><sender>x</sender></message>", "", None),
    ("body is a list", lambda s: j([{"sender": s, "message": "hi"}]), "", None),
    ("body is a string", lambda s: j("hi"), "", None),
    ("body is a number", lambda s: b"42", "", None),
    ("body is null", lambda s: b"null", "", None),
    ("empty object", lambda s: b"{}", "", None),
    ("missing sender", lambda s: j({"message": f"hi {MARKER}"}), "", None),
    ("missing message", lambda s: j({"sender": s}), "", None),
    ("message is a number", message_case(42), "", None),
    ("message is a float", message_case(1e308), "", None),
    ("message is a list", message_case(["hi", MARKER]), "", None),
    ("message is null", message_case(None), "", None),
    ("message is a nested object", message_case({"text": {"deep": [MARKER]}}), "", None),
    ("message is a boolean", message_case(True), "", None),
    ("sender is a number", sender_case(12345), "", None),
    ("sender is a list", sender_case(["a"]), "", None),
    ("sender is null", sender_case(None), "", None),
    ("sender is a nested object", sender_case({"id": {"deep": "a"}}), "", None),
    ("metadata is a list", lambda s: j({"sender": s, "message": "hi", "metadata": [1]}), "", None),
    ("1 MB body", message_case(MARKER + "x" * 1_000_000), "", None),
    ("3 MB body (over SANIC_REQUEST_MAX_SIZE)", message_case(MARKER + "x" * 3_000_000), "", None),
    (
        "invalid UTF-8 bytes",
        lambda s: (
            b'{"sender": "%s", "message": "\xff\xfe\xfd hi %s"}' % (s.encode(), MARKER.encode())
        ),
        "",
        None,
    ),
    (
        "UTF-16 body",
        lambda s: json.dumps({"sender": s, "message": "hi"}).encode("utf-16"),
        "",
        None,
    ),
    (
        "lone surrogate escapes",
        lambda s: (
            b'{"sender": "%s", "message": "\\udfff\\ud800 hi %s"}' % (s.encode(), MARKER.encode())
        ),
        "",
        None,
    ),
    ("deeply nested JSON", lambda s: b"[" * 30_000 + b"]" * 30_000, "", None),
    ("control characters", message_case(CONTROL), "", None),
    ("10,000-character message", message_case(LONG_TEXT), "", None),
    ("emoji only", message_case(EMOJI), "", None),
    ("HTML and <script>", message_case(HTML), "", None),
    ("SQL-looking text", message_case(SQL), "", None),
    ("SQL UNION text", message_case(SQL_UNION), "", None),
    ("empty message", message_case(""), "", None),
    ("whitespace-only message", message_case(" \t\n "), "", None),
    ("sender ../../etc/passwd", sender_case("../../etc/passwd"), "", None),
    ("sender a/b", sender_case("a/b"), "", None),
    ("sender ..\\..\\boot.ini", sender_case("..\\..\\boot.ini"), "", None),
    ("sender %2e%2e%2f", sender_case("%2e%2e%2fetc%2fpasswd"), "", None),
    ("sender with NUL", sender_case("a\x00b"), "", None),
    ("sender of 10,000 characters", sender_case(LONG_SENDER), "", None),
    ("sender of 129 characters", sender_case("b" * 129), "", None),
    ("empty sender", sender_case(""), "", None),
    ("stream=true", lambda s: j({"sender": s, "message": "hi"}), "?stream=true", None),
]
JSON_IDS = [case[0] for case in JSON_CASES]


def check_http_reply(webhook: str, response: requests.Response) -> None:
    """4xx, or 200 with at least one message with text; never a 5xx."""
    if response.status_code >= 500:
        record(webhook, "5xx")
        pytest.fail(f"HTTP {response.status_code}: {response.text[:300]}")
    if 400 <= response.status_code < 500:
        record(webhook, "4xx")
        return
    assert response.status_code == 200, response.text[:300]
    record(webhook, "polite")


def post(
    url: str, body: bytes, headers: Optional[Dict[str, str]] = None, webhook: str = ""
) -> requests.Response:
    try:
        return requests.post(url, data=body, headers=headers or {}, timeout=TIMEOUT)
    except requests.ConnectionError as error:
        record(webhook, "dropped")
        pytest.fail(f"connection dropped: {error!r}")


def ask_json(servers, webhook: str, sender: str, text: str) -> requests.Response:
    return requests.post(
        servers.url + PATHS[webhook], json={"sender": sender, "message": text}, timeout=TIMEOUT
    )


@pytest.mark.parametrize("webhook", [REST, KIOSK])
@pytest.mark.parametrize("case,body,query,headers", JSON_CASES, ids=JSON_IDS)
def test_json_webhooks(servers, webhook, case, body, query, headers):
    sender = new_sender(webhook)
    headers = {"Content-Type": "application/json"} if headers is None else headers
    response = post(servers.url + PATHS[webhook] + query, body(sender), headers, webhook)
    check_http_reply(webhook, response)
    if response.status_code == 200:
        messages = response.json()
        assert isinstance(messages, list) and any(m.get("text") for m in messages), messages
        assert "<script" not in texts(messages) and MARKER not in texts(messages)
    elif not case.startswith("3 MB"):
        # the channel's own short JSON error, never Sanic's HTML page
        assert response.headers["content-type"].startswith("application/json")
        assert set(response.json()) == {"error"} and len(response.json()["error"]) < 100
    if case.startswith("1 MB"):
        assert response.status_code == 413
        assert response.json()["error"].startswith("the body is larger than")
    if case.startswith("3 MB") and servers.env.get("SANIC_REQUEST_MAX_SIZE"):
        # refused by Sanic itself (SANIC_REQUEST_MAX_SIZE) before the channel ran
        assert response.status_code == 413 and not response.text.startswith('{"error"')
    if webhook == REST and case in ("stream=true", "missing message", "message is null"):
        assert response.status_code == 400
    # and the same webhook answers a normal question right after
    reply = ask_json(servers, webhook, sender, NORMAL)
    assert reply.status_code == 200 and ANSWER in texts(reply.json())


# --- SMS ---------------------------------------------------------------------------------------


def sms_url(servers) -> str:
    return servers.env["SMS_WEBHOOK_URL"]


def signature(servers, params: Dict[str, str]) -> str:
    return RequestValidator(servers.env["TWILIO_AUTH_TOKEN"]).compute_signature(
        sms_url(servers), params
    )


def twiml_bodies(response: requests.Response) -> List[str]:
    return [unescape(b) for b in re.findall(r"<Message>(.*?)</Message>", response.text, re.S)]


def signed(params: Dict[str, str]) -> Callable:
    """A form body signed over `params`."""
    return lambda servers: (urlencode(params).encode(), signature(servers, params))


def raw(body: bytes, signed_over: Optional[Dict[str, str]] = None) -> Callable:
    """A raw body, signed over `signed_over` (what a correct parser would read), else unsigned."""
    return lambda servers: (body, "" if signed_over is None else signature(servers, signed_over))


def sms_cases(number: str) -> List[Tuple[str, Callable]]:
    return [
        ("missing Body", signed(sms_params(number, None))),
        ("empty Body", signed(sms_params(number, ""))),
        ("missing From", signed({"Body": f"hi {MARKER}", "MessageSid": "SM1"})),
        ("empty From", signed(sms_params("", f"hi {MARKER}"))),
        ("unsigned", raw(urlencode(sms_params(number, f"hi {MARKER}")).encode())),
        ("JSON body instead of a form", raw(j({"From": number, "Body": "hi"}), {})),
        ("malformed form", raw(b"%%%&&&==&From&=&Body%", {})),
        (
            "Body repeated (a list)",
            raw(
                urlencode([("From", number), ("Body", "a"), ("Body", "b")]).encode(),
                {"From": number, "Body": "b"},
            ),
        ),
        (
            "invalid UTF-8 bytes",
            raw(
                b"From=" + number.encode() + b"&Body=\xff\xfe+hi",
                {"From": number, "Body": "\ufffd\ufffd hi"},
            ),
        ),
        (
            "invalid UTF-8, percent-encoded",
            raw(
                urlencode({"From": number}).encode() + b"&Body=%FF%FE+hi+" + MARKER.encode(),
                {"From": number, "Body": f"\ufffd\ufffd hi {MARKER}"},
            ),
        ),
        ("1 MB Body", signed(sms_params(number, MARKER + "x" * 1_000_000))),
        (
            "3 MB body (over SANIC_REQUEST_MAX_SIZE)",
            raw(urlencode(sms_params(number, "x" * 3_000_000)).encode()),
        ),
        ("control characters", signed(sms_params(number, CONTROL))),
        ("10,000-character Body", signed(sms_params(number, LONG_TEXT))),
        ("emoji only", signed(sms_params(number, EMOJI))),
        ("HTML and <script>", signed(sms_params(number, HTML))),
        ("SQL-looking text", signed(sms_params(number, SQL))),
        ("SQL UNION text", signed(sms_params(number, SQL_UNION))),
        (
            "Body that looks like a JSON object",
            signed(sms_params(number, json.dumps({"message": {"nested": [MARKER]}}))),
        ),
        ("NumMedia not a number", signed(sms_params(number, f"hi {MARKER}", NumMedia="lots"))),
        (
            "MessageSid ../../etc/passwd",
            signed(sms_params(number, f"hi {MARKER}", MessageSid="../../etc/passwd")),
        ),
        ("From ../../etc/passwd", signed(sms_params("../../etc/passwd", f"hi {MARKER}"))),
        ("From a/b", signed(sms_params("a/b", f"hi {MARKER}"))),
        ("From of 10,000 characters", signed(sms_params(LONG_SENDER, f"hi {MARKER}"))),
        ("From with NUL", signed(sms_params("+1555\x000100", f"hi {MARKER}"))),
    ]


SMS_IDS = [case[0] for case in sms_cases("+15555550100")]


@pytest.mark.parametrize("case", SMS_IDS)
def test_sms_webhook(servers, case):
    number = new_number()
    build = dict(sms_cases(number))[case]
    body, sig = build(servers)
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if sig:
        headers["X-Twilio-Signature"] = sig
    response = post(sms_url(servers), body, headers, SMS)
    check_http_reply(SMS, response)
    if response.status_code == 200:
        assert response.headers["content-type"].startswith("application/xml")
        bodies = twiml_bodies(response)
        assert bodies and all(bodies), response.text[:300]
        assert all(len(b) <= 306 for b in bodies)
        assert "<script" not in " ".join(bodies) and MARKER not in " ".join(bodies)
    if case.startswith("3 MB") and servers.env.get("SANIC_REQUEST_MAX_SIZE"):
        assert response.status_code == 413
    # and the webhook answers a normal question right after
    params = sms_params(number, NORMAL)
    reply = requests.post(
        sms_url(servers),
        data=params,
        timeout=TIMEOUT,
        headers={"X-Twilio-Signature": signature(servers, params)},
    )
    assert reply.status_code == 200 and ANSWER in " ".join(twiml_bodies(reply))


# --- socket.io ---------------------------------------------------------------------------------


class Widget:
    """A socket.io client like the widget: websocket transport, the demo page's Origin, a
    persistent session; bot messages are queued."""

    def __init__(self, servers, origin: Optional[str] = None):
        self.bot: "queue.Queue[Any]" = queue.Queue()
        confirmed: "queue.Queue[Any]" = queue.Queue()
        self.client = socketio.Client(
            reconnection=False,
            websocket_extra_options={"origin": origin or servers.env["CORS_ORIGINS"]},
        )
        self.client.on("bot_uttered", self.bot.put)
        self.client.on("session_confirm", confirmed.put)
        self.client.connect(
            servers.url, transports=["websocket"], socketio_path="/socket.io", wait_timeout=20
        )
        self.session_id = new_sender(SOCKETIO)
        self.client.emit("session_request", {"session_id": self.session_id})
        assert confirmed.get(timeout=TIMEOUT) == self.session_id

    def say(self, text: Any, session_id: Any = "same") -> None:
        self.client.emit(
            "user_uttered",
            {
                "message": text,
                "session_id": self.session_id if session_id == "same" else session_id,
            },
        )

    def until_answer(self) -> List[Any]:
        """Bot messages received before the answer to NORMAL (which is consumed)."""
        before = []
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                message = self.bot.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                break
            if isinstance(message, dict) and ANSWER in (message.get("text") or ""):
                return before
            before.append(message)
        raise AssertionError(f"no answer to {NORMAL!r}; got {before}")

    def close(self) -> None:
        if self.client.connected:
            self.client.disconnect()


def user_uttered(data: Any) -> Callable[[str], List[Tuple[str, Any]]]:
    return lambda session_id: [("user_uttered", data)]


def message(value: Any) -> Callable[[str], List[Tuple[str, Any]]]:
    return lambda session_id: [("user_uttered", {"message": value, "session_id": session_id})]


def session(bad_id: Any, request_it: bool = True) -> Callable[[str], List[Tuple[str, Any]]]:
    """A message under an unsafe session id (first requested with session_request)."""

    def events(session_id: str) -> List[Tuple[str, Any]]:
        requested = [("session_request", {"session_id": bad_id})] if request_it else []
        return requested + [("user_uttered", {"message": f"hi {MARKER}", "session_id": bad_id})]

    return events


SOCKETIO_CASES: List[Tuple[str, Callable[[str], List[Tuple[str, Any]]]]] = [
    ("event data is a string", user_uttered(f"hi {MARKER}")),
    ("event data is a list", user_uttered([f"hi {MARKER}"])),
    ("event data is a number", user_uttered(42)),
    ("missing message", lambda s: [("user_uttered", {"session_id": s})]),
    ("missing session_id", user_uttered({"message": f"hi {MARKER}"})),
    ("message is a number", message(42)),
    ("message is a list", message(["hi", MARKER])),
    ("message is null", message(None)),
    ("message is a nested object", message({"text": {"deep": [MARKER]}})),
    ("message is a boolean", message(True)),
    ("message is invalid UTF-8 bytes (binary)", message(b"\xff\xfe\xfd" + MARKER.encode())),
    ("session_id is a number", session(12345, request_it=False)),
    ("session_id is a list", session(["a"], request_it=False)),
    ("session_id is a nested object", session({"id": "a"}, request_it=False)),
    ("session_request data is a number", lambda s: [("session_request", 42)]),
    ("session_request data is a string", lambda s: [("session_request", "abc")]),
    (
        "session_request session_id is a list",
        lambda s: [("session_request", {"session_id": ["a"]})],
    ),
    ("lone surrogates", message(f"\udfff\ud800 hi {MARKER}")),
    ("control characters", message(CONTROL)),
    ("10,000-character message", message(LONG_TEXT)),
    ("emoji only", message(EMOJI)),
    ("HTML and <script>", message(HTML)),
    ("SQL-looking text", message(SQL)),
    ("SQL UNION text", message(SQL_UNION)),
    ("empty message", message("")),
    ("session_id ../../etc/passwd", session("../../etc/passwd")),
    ("session_id a/b", session("a/b")),
    ("session_id of 10,000 characters", session(LONG_SENDER)),
    ("session_id with NUL", session("a\x00b")),
]
SOCKETIO_IDS = [case[0] for case in SOCKETIO_CASES]


@pytest.mark.parametrize("case,events", SOCKETIO_CASES, ids=SOCKETIO_IDS)
def test_socketio(servers, case, events):
    widget = Widget(servers)
    try:
        for event, data in events(widget.session_id):
            widget.client.emit(event, data)
        widget.say(NORMAL)
        try:
            before = widget.until_answer()
        finally:
            if not widget.client.connected:
                record(SOCKETIO, "dropped")
                pytest.fail("the server dropped the connection")
        replies = [m for m in before if isinstance(m, dict) and m.get("text")]
        record(SOCKETIO, "polite" if replies else "refused")
        assert "<script" not in " ".join(m["text"] for m in replies)
        assert MARKER not in " ".join(m["text"] for m in replies)
    finally:
        widget.close()


def test_socketio_malformed_json_packet(servers):
    """A raw socket.io packet whose JSON is cut: ignored, the socket keeps working."""
    ws = websocket.create_connection(
        servers.url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket",
        origin=servers.env["CORS_ORIGINS"],
        timeout=TIMEOUT,
    )
    try:
        assert ws.recv().startswith("0{")  # engine.io open
        ws.send("40")
        assert ws.recv().startswith("40")  # socket.io connect
        session_id = new_sender(SOCKETIO)
        ws.send(json.dumps(["session_request", {"session_id": session_id}]).join(["42", ""]))
        for bad in ('42["user_uttered",{"message":"hi ' + MARKER, "42[", "42{}", "4x", "9"):
            ws.send(bad)
        ws.send("42" + json.dumps(["user_uttered", {"message": NORMAL, "session_id": session_id}]))
        frames = []
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            frame = ws.recv()
            if frame == "2":
                ws.send("3")  # engine.io ping/pong
            frames.append(frame)
            if ANSWER in frame:
                break
        assert any(ANSWER in frame for frame in frames), frames
        before = [f for f in frames if f.startswith('42["bot_uttered"') and ANSWER not in f]
        record(SOCKETIO, "polite" if before else "refused")
    except websocket.WebSocketConnectionClosedException:
        record(SOCKETIO, "dropped")
        raise
    finally:
        ws.close()


def test_socketio_a_1_mb_message_is_refused_by_engineio_and_the_server_stays_up(servers):
    widget = Widget(servers)
    try:
        widget.say(MARKER + "x" * 1_000_000)
        deadline = time.monotonic() + 20
        while widget.client.connected and time.monotonic() < deadline:
            time.sleep(0.1)
        # engine.io's max_http_buffer_size is 1,000,000 bytes: it closes the connection
        assert not widget.client.connected
        record(SOCKETIO, "closed by engine.io")
    finally:
        widget.close()
    again = Widget(servers)
    try:
        again.say(NORMAL)
        again.until_answer()
    finally:
        again.close()


# --- the HTTP API is off -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "method,path",
    [
        ("GET", "/status"),
        ("GET", "/version"),
        ("GET", "/conversations/x/tracker"),
        ("POST", "/conversations/x/messages"),
        ("POST", "/conversations/x/trigger_intent"),
        ("POST", "/model/parse"),
        ("PUT", "/model"),
        ("GET", "/domain"),
    ],
)
def test_the_http_api_is_off(servers, method, path):
    response = requests.request(method, servers.url + path, json={"text": "hi"}, timeout=30)
    assert response.status_code == 404


# --- socket.io Origin --------------------------------------------------------------------------


def handshake(servers, origin: Optional[str]) -> requests.Response:
    return requests.get(
        servers.url + "/socket.io/?EIO=4&transport=polling",
        headers={"Origin": origin} if origin else {},
        timeout=30,
    )


def test_socketio_refuses_a_foreign_origin(servers):
    for origin in (
        "http://evil.example",
        "null",
        servers.url,
        "http://localhost:1",
        servers.env["CORS_ORIGINS"] + ".evil.example",
    ):
        response = handshake(servers, origin)
        assert response.status_code == 400, origin
        assert "not an accepted origin" in response.text
        with pytest.raises(websocket.WebSocketBadStatusException) as refused:
            websocket.create_connection(
                servers.url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket",
                origin=origin,
                timeout=30,
            )
        assert refused.value.status_code == 400
    with pytest.raises(socketio.exceptions.ConnectionError):
        Widget(servers, origin="http://evil.example")


def test_socketio_accepts_the_configured_origin_with_one_cors_header(servers):
    origin = servers.env["CORS_ORIGINS"]
    response = handshake(servers, origin)
    assert response.status_code == 200 and response.text.startswith("0{")
    # one Access-Control-Allow-Origin (two and browsers refuse the response)
    assert response.raw.headers.getlist("Access-Control-Allow-Origin") == [origin]
    # clients that send no Origin (not browsers) are not affected
    assert handshake(servers, None).status_code == 200


# --- rate limit --------------------------------------------------------------------------------

FLOOD = 40


@pytest.mark.parametrize("webhook", [REST, KIOSK])
def test_rate_limit_http(servers, webhook):
    flooder, other = new_sender(webhook), new_sender(webhook)
    statuses = []
    for index in range(FLOOD):
        response = ask_json(servers, webhook, flooder, f"hi {MARKER} {index}")
        statuses.append(response.status_code)
        if response.status_code == 429:
            assert response.json() == {"error": "too many messages", "text": POLITE}
            assert int(response.headers["Retry-After"]) >= 1
        else:
            assert response.status_code == 200
    burst = int(servers.env["RATE_LIMIT_BURST"])
    assert statuses[:burst] == [200] * burst
    assert statuses.count(429) >= FLOOD - burst - 10, statuses
    # another sender is not affected, while the flooder still is
    assert ANSWER in texts(ask_json(servers, webhook, other, NORMAL).json())
    assert ask_json(servers, webhook, flooder, NORMAL).status_code == 429


def test_rate_limit_sms(servers):
    flooder, other = new_number(), new_number()
    replies = []
    for index in range(FLOOD):
        params = sms_params(flooder, f"hi {MARKER} {index}")
        response = requests.post(
            sms_url(servers),
            data=params,
            timeout=TIMEOUT,
            headers={"X-Twilio-Signature": signature(servers, params)},
        )
        assert response.status_code == 200  # Twilio expects 200
        replies.append(twiml_bodies(response))
    burst = int(servers.env["RATE_LIMIT_BURST"])
    assert all(bodies for bodies in replies[:burst])
    # the polite text once per run of refused messages, then empty responses (no SMS)
    polite = [index for index, bodies in enumerate(replies) if POLITE in bodies]
    assert polite and all(replies[index] == [POLITE] for index in polite)
    assert all(replies[index + 1] != [POLITE] for index in polite if index + 1 < FLOOD)
    assert replies.count([]) >= FLOOD - burst - 10, replies
    params = sms_params(other, NORMAL)
    response = requests.post(
        sms_url(servers),
        data=params,
        timeout=TIMEOUT,
        headers={"X-Twilio-Signature": signature(servers, params)},
    )
    assert ANSWER in " ".join(twiml_bodies(response))


def test_rate_limit_socketio(servers):
    flooder = Widget(servers)
    try:
        for index in range(FLOOD):
            flooder.say(f"hi {MARKER} {index}")
        polite, deadline = 0, time.monotonic() + TIMEOUT
        while (
            polite < FLOOD - int(servers.env["RATE_LIMIT_BURST"]) - 5
            and time.monotonic() < deadline
        ):
            message = flooder.bot.get(timeout=TIMEOUT)
            polite += message == {"text": POLITE}
        assert polite >= FLOOD - int(servers.env["RATE_LIMIT_BURST"]) - 5
        assert flooder.client.connected
        other = Widget(servers)
        try:
            other.say(NORMAL)
            other.until_answer()
        finally:
            other.close()
    finally:
        flooder.close()


# --- last: the summary, and nothing sent here in the log ---------------------------------------


def send_marked_messages(servers) -> None:
    """One message with MARKER (and, by SMS, a new number) through each webhook, recorded like
    the other cases: so the summary and the log check below check something even when this
    test runs alone (`pytest -k summary`), with none of the cases above before it."""
    for webhook in (REST, KIOSK):
        body = j({"sender": new_sender(webhook), "message": f"hi {MARKER}"})
        check_http_reply(
            webhook,
            post(servers.url + PATHS[webhook], body, {"Content-Type": "application/json"}, webhook),
        )
    params = sms_params(new_number(), f"hi {MARKER}")
    check_http_reply(
        SMS,
        post(
            sms_url(servers),
            urlencode(params).encode(),
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "X-Twilio-Signature": signature(servers, params),
            },
            SMS,
        ),
    )
    widget = Widget(servers)
    try:
        widget.say(f"hi {MARKER}")
        widget.say(NORMAL)
        widget.until_answer()
        record(SOCKETIO, "polite")
    finally:
        widget.close()


def test_zz_summary_and_no_patient_text_in_the_rasa_log(servers):
    send_marked_messages(servers)
    assert USED_NUMBERS
    lines = []
    for webhook in (REST, KIOSK, SMS, SOCKETIO):
        counts = RESULTS.get(webhook, Counter())
        tried = sum(counts.values())
        line = (
            f"{webhook:8s} {PATHS[webhook]:26s} cases {tried:3d}  4xx {counts['4xx']:3d}  "
            f"polite 200 {counts['polite']:3d}  5xx {counts['5xx']}  "
            f"dropped {counts['dropped']}"
        )
        if webhook == SOCKETIO:
            line += (
                f"  (socket.io: refused/ignored {counts['refused']}, closed by engine.io "
                f"for a frame over 1 MB {counts['closed by engine.io']})"
            )
        lines.append(line)
    (ROOT / "results").mkdir(exist_ok=True)
    (ROOT / "results" / "bad_input.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n" + "\n".join(lines))
    assert all(sum(RESULTS.get(webhook, Counter()).values()) for webhook in PATHS), RESULTS
    assert not any(c["5xx"] or c["dropped"] for c in RESULTS.values()), RESULTS

    # The servers log at INFO (Rasa's default): Rasa logs message text only at DEBUG, the
    # project's channels never; the action server is checked too.
    for name in ("rasa.log", "actions.log"):
        log = (servers.log_dir / name).read_text(encoding="utf-8", errors="replace")
        assert MARKER not in log, name
        for number in USED_NUMBERS:
            assert number not in log and number[1:] not in log and number[2:] not in log, name
