"""The hardened REST channel (channels/rest.py): strict parsing, short JSON 4xx, never a 500."""

import json

import pytest
import redis.exceptions
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput as RasaRestInput
from rasa.core.lock_store import LockError

from channels.failures import failure_text
from channels.rest import RestInput, parse_rest_request
from channels.validation import (
    DEFAULT_MAX_BODY_BYTES,
    BadRequest,
    BodyTooLarge,
    max_body_bytes,
    read_json_body,
)
from storage.tracker_store import TrackerStoreUnavailable


class Bot:
    def __init__(self, fail=None):
        self.received = []
        self.fail = fail

    async def __call__(self, message: UserMessage):
        self.received.append(message)
        await message.output_channel.send_text_message(message.sender_id, "An answer.")
        if self.fail:
            raise self.fail


async def post(body, stream=False, bot=None):
    bot = bot or Bot()
    if not isinstance(body, bytes):
        body = json.dumps(body).encode()
    reply = await RestInput().handle_webhook(body, stream, bot)
    return reply.status, json.loads(reply.body), bot


def test_the_channel_is_rasas_rest_channel_under_the_same_name():
    assert issubclass(RestInput, RasaRestInput)
    assert RestInput.name() == "rest"
    assert RestInput.from_credentials(None).name() == "rest"


async def test_a_good_request_reaches_the_bot_as_rasas_channel_would_send_it():
    status, messages, bot = await post(
        {"sender": "patient-1", "message": "how long\x00 is it?", "metadata": {"page": "faq"}}
    )
    assert status == 200
    assert messages == [{"recipient_id": "patient-1", "text": "An answer."}]
    [message] = bot.received
    assert message.text == "how long is it?"
    assert message.sender_id == "patient-1"
    assert message.input_channel == "rest"
    assert message.metadata == {"page": "faq"}
    # Rasa's REST channel answers through a CollectingOutputChannel (name "collector")
    assert type(message.output_channel) is CollectingOutputChannel


async def test_the_client_cannot_pick_the_input_channel():
    _, _, bot = await post({"sender": "a", "message": "hi", "input_channel": "sms"})
    assert bot.received[0].input_channel == "rest"


@pytest.mark.parametrize(
    "message", ["", "   ", "😀😀😀", "<script>alert(1)</script>", "'; DROP TABLE events; --"]
)
async def test_odd_but_valid_text_reaches_the_bot(message):
    status, _, bot = await post({"sender": "a", "message": message})
    assert status == 200 and len(bot.received) == 1


async def test_long_messages_are_cut_and_lone_surrogates_removed():
    _, _, bot = await post(b'{"sender": "a", "message": "\\ud800 hi ' + b"x" * 5000 + b'"}')
    text = bot.received[0].text
    assert text.startswith("hi x") and len(text) == 1000


BAD_REQUESTS = [
    # (case, raw body, status, words of the error)
    ("malformed JSON", b'{"sender": "a", "message": ', 400, "not valid JSON"),
    ("empty body", b"", 400, "JSON object"),
    ("whitespace body", b"  \n", 400, "JSON object"),
    ("a list", b'[{"sender": "a", "message": "hi"}]', 400, "JSON object"),
    ("a string", b'"hi"', 400, "JSON object"),
    ("null", b"null", 400, "JSON object"),
    ("invalid UTF-8", b'{"sender": "a", "message": "\xff\xfe\xfa"}', 400, "UTF-8"),
    ("UTF-16", '{"sender": "a", "message": "hi"}'.encode("utf-16"), 400, "UTF-8"),
    ("deep nesting", b"[" * 100_000 + b"]" * 100_000, 413, "larger than"),
    ("deep nesting under the limit", b"[" * 30_000 + b"]" * 30_000, 400, "nested too deeply"),
    ("missing sender", b'{"message": "hi"}', 400, "'sender'"),
    ("missing message", b'{"sender": "a"}', 400, "'message'"),
    ("null message", b'{"sender": "a", "message": null}', 400, "'message'"),
    ("number message", b'{"sender": "a", "message": 42}', 400, "'message'"),
    ("list message", b'{"sender": "a", "message": ["hi"]}', 400, "'message'"),
    ("object message", b'{"sender": "a", "message": {"text": "hi"}}', 400, "'message'"),
    ("boolean message", b'{"sender": "a", "message": true}', 400, "'message'"),
    ("number sender", b'{"sender": 5, "message": "hi"}', 400, "'sender'"),
    ("null sender", b'{"sender": null, "message": "hi"}', 400, "'sender'"),
    ("list sender", b'{"sender": ["a"], "message": "hi"}', 400, "'sender'"),
    ("object sender", b'{"sender": {"id": "a"}, "message": "hi"}', 400, "'sender'"),
    ("path sender", b'{"sender": "../../etc/passwd", "message": "hi"}', 400, "'sender'"),
    ("slash sender", b'{"sender": "a/b", "message": "hi"}', 400, "'sender'"),
    ("long sender", json.dumps({"sender": "a" * 129, "message": "hi"}).encode(), 400, "'sender'"),
    ("empty sender", b'{"sender": "", "message": "hi"}', 400, "'sender'"),
    ("list metadata", b'{"sender": "a", "message": "hi", "metadata": [1]}', 400, "'metadata'"),
    (
        "over 64 KiB",
        json.dumps({"sender": "a", "message": "x" * 70_000}).encode(),
        413,
        "larger than",
    ),
]


@pytest.mark.parametrize("case,body,status,words", BAD_REQUESTS, ids=[c[0] for c in BAD_REQUESTS])
async def test_bad_requests_get_a_short_json_error_and_reach_no_bot(case, body, status, words):
    got_status, error, bot = await post(body)
    assert (got_status, bot.received) == (status, [])
    assert set(error) == {"error"} and words in error["error"] and len(error["error"]) < 100


async def test_a_body_at_the_limit_is_accepted():
    body = json.dumps({"sender": "a", "message": "x"}).encode()
    body += b" " * (DEFAULT_MAX_BODY_BYTES - len(body))
    status, _, _ = await post(body)
    assert status == 200


async def test_stream_is_refused():
    status, error, bot = await post({"sender": "a", "message": "hi"}, stream=True)
    assert status == 400 and "stream" in error["error"] and bot.received == []


@pytest.mark.parametrize("failure", [RuntimeError("boom: patient text"), KeyError("x")])
async def test_a_failed_turn_is_a_polite_200_logged_without_the_text(caplog, failure, phone):
    status, messages, _ = await post(
        {"sender": "a", "message": "my secret question"}, bot=Bot(fail=failure)
    )
    assert status == 200
    assert messages[-1] == {"recipient_id": "a", "text": failure_text()}
    assert phone in failure_text()
    assert messages[0]["text"] == "An answer."  # what was said before the failure is kept
    logged = " ".join(r.getMessage() for r in caplog.records if r.levelname != "DEBUG")
    assert "failed" in logged and "secret question" not in logged


def test_max_body_bytes_from_the_environment(monkeypatch):
    monkeypatch.delenv("MAX_BODY_BYTES", raising=False)
    assert max_body_bytes() == 64 * 1024
    monkeypatch.setenv("MAX_BODY_BYTES", "100")
    assert max_body_bytes() == 100
    with pytest.raises(BodyTooLarge):
        read_json_body(b'{"sender": "a", "message": "' + b"x" * 100 + b'"}')
    for bad in ("0", "-1", "lots"):
        monkeypatch.setenv("MAX_BODY_BYTES", bad)
        assert max_body_bytes() == 64 * 1024


def test_parse_returns_sender_text_and_metadata():
    assert parse_rest_request(b'{"sender": "a", "message": " hi  there "}') == (
        "a",
        "hi there",
        None,
    )
    with pytest.raises(BadRequest) as error:
        parse_rest_request(b"{", max_bytes=10)
    assert error.value.status == 400


@pytest.mark.parametrize(
    "failure",
    [
        TrackerStoreUnavailable("OperationalError"),
        LockError("Error while acquiring lock. Error: refused"),
        redis.exceptions.ConnectionError("refused"),
    ],
)
async def test_an_unavailable_store_is_a_503_with_the_apology_and_the_line(
    caplog, outage_reply, failure
):
    status, messages, _ = await post(
        {"sender": "a", "message": "my secret question"}, bot=Bot(fail=failure)
    )
    assert status == 503
    # Nothing the bot said before the failure: the turn was neither answered nor stored.
    assert messages == [{"recipient_id": "a", "text": outage_reply}]
    assert "secret question" not in " ".join(r.getMessage() for r in caplog.records)
