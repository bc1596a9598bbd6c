"""The per-conversation rate limit (channels/rate_limit.py) and how each channel applies it."""

import json
import tracemalloc
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from rasa.core.channels.channel import UserMessage
from twilio.request_validator import RequestValidator

from channels import rate_limit
from channels.kiosk import KioskInput
from channels.rate_limit import POLITE_TEXT, Decision, RateLimiter
from channels.rest import RestInput
from channels.sms.channel import SmsInput
from channels.sms.ids import hash_sender
from channels.sms.keywords import STOP_REPLY
from channels.socketio_channel import SocketIOInput


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


@pytest.fixture
def clock():
    return Clock()


def drain(limiter, key, count):
    return [limiter.check(key).allowed for _ in range(count)]


# --- the token bucket --------------------------------------------------------------------------


def test_a_burst_is_allowed_then_refused(clock):
    limiter = RateLimiter(per_minute=30, burst=10, clock=clock)
    assert drain(limiter, "a", 10) == [True] * 10
    refused = limiter.check("a")
    assert not refused.allowed
    assert refused.retry_after == pytest.approx(2.0)  # 30 a minute: a token every 2 s
    assert refused.retry_after_header == "2"


def test_tokens_come_back_at_the_rate(clock):
    limiter = RateLimiter(per_minute=30, burst=10, clock=clock)
    drain(limiter, "a", 10)
    clock.advance(1.0)
    decision = limiter.check("a")
    assert not decision.allowed and decision.retry_after == pytest.approx(1.0)
    clock.advance(1.0)
    assert limiter.check("a").allowed
    assert not limiter.check("a").allowed
    # a minute later: 30 tokens' worth, but never more than the burst
    clock.advance(60)
    assert drain(limiter, "a", 11) == [True] * 10 + [False]


def test_a_steady_sender_at_the_rate_is_never_refused(clock):
    limiter = RateLimiter(per_minute=30, burst=10, clock=clock)
    for _ in range(200):
        assert limiter.check("a").allowed
        clock.advance(2.0)


def test_refused_messages_take_no_token(clock):
    limiter = RateLimiter(per_minute=60, burst=2, clock=clock)
    drain(limiter, "a", 2)
    for _ in range(50):
        assert not limiter.check("a").allowed
    clock.advance(1.0)  # one token back, not eaten by the 50 refusals
    assert limiter.check("a").allowed


def test_other_senders_are_not_affected(clock):
    limiter = RateLimiter(per_minute=30, burst=3, clock=clock)
    drain(limiter, "flooder", 20)
    assert drain(limiter, "patient", 3) == [True] * 3


def test_first_refusal_is_flagged_once_per_run(clock):
    limiter = RateLimiter(per_minute=60, burst=1, clock=clock)
    assert limiter.check("a").allowed
    assert [limiter.check("a").first_refusal for _ in range(3)] == [True, False, False]
    clock.advance(1.0)
    assert limiter.check("a").allowed
    assert limiter.check("a").first_refusal  # a new run of refusals


def test_memory_is_bounded_least_recently_seen_dropped_first(clock):
    limiter = RateLimiter(per_minute=30, burst=2, max_senders=100, clock=clock)
    drain(limiter, "kept", 2)
    for index in range(150):
        limiter.check(f"sender-{index}")
        if index % 10 == 0:
            assert not limiter.check("kept").allowed  # seen again: stays in the table
    assert len(limiter) == 100
    assert not limiter.check("kept").allowed
    # sender-0 was dropped: it starts again with a full bucket
    assert drain(limiter, "sender-0", 2) == [True, True]


def test_the_default_bound_is_50000_senders_in_a_few_tens_of_mb():
    limiter = RateLimiter()
    assert limiter.max_senders == rate_limit.MAX_SENDERS == 50_000
    tracemalloc.start()
    try:
        for index in range(60_000):
            limiter.check(f"{index:0128d}")  # the longest id a channel lets through
        current, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(limiter) == 50_000
    assert current < 40 * 1024 * 1024


def test_zero_per_minute_switches_the_limit_off(clock):
    limiter = RateLimiter(per_minute=0, clock=clock)
    assert not limiter.enabled
    assert all(drain(limiter, "a", 500))
    assert len(limiter) == 0


@pytest.mark.parametrize(
    "env,per_minute,burst",
    [
        ({}, 30, 10),
        ({"RATE_LIMIT_PER_MINUTE": "120", "RATE_LIMIT_BURST": "4"}, 120, 4),
        ({"RATE_LIMIT_PER_MINUTE": "0"}, 0, 10),
        ({"RATE_LIMIT_PER_MINUTE": "lots", "RATE_LIMIT_BURST": "-3"}, 30, 10),
        ({"RATE_LIMIT_PER_MINUTE": "nan", "RATE_LIMIT_BURST": "0"}, 30, 10),
    ],
)
def test_configuration_from_the_environment(monkeypatch, env, per_minute, burst):
    for name in ("RATE_LIMIT_PER_MINUTE", "RATE_LIMIT_BURST"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    limiter = RateLimiter.from_env()
    assert (limiter.per_minute, limiter.burst) == (per_minute, burst)


def test_the_shared_limiter_is_made_once_from_the_environment(monkeypatch):
    monkeypatch.setenv("RATE_LIMIT_BURST", "3")
    rate_limit.set_shared(None)
    first = rate_limit.shared()
    assert first is rate_limit.shared() and first.burst == 3


def test_the_http_answer_is_a_polite_429_with_retry_after():
    reply = rate_limit.too_many_requests(Decision(False, 0.2, True))
    assert reply.status == 429
    assert reply.headers["Retry-After"] == "1"
    assert json.loads(reply.body) == {"error": "too many messages", "text": POLITE_TEXT}


# --- every channel applies it ------------------------------------------------------------------


@pytest.fixture
def tight(limiter):
    """The channels' limiter with a burst of 2."""
    tight = RateLimiter(per_minute=30, burst=2)
    rate_limit.set_shared(tight)
    return tight


class Bot:
    def __init__(self):
        self.received = []

    async def __call__(self, message: UserMessage):
        self.received.append(message)
        await message.output_channel.send_text_message(message.sender_id, "Recovery: 4 to 6 hours.")


async def test_rest_answers_429_and_the_bot_never_sees_the_message(tight):
    channel, bot = RestInput(), Bot()

    async def send(sender):
        body = json.dumps({"sender": sender, "message": "how long is recovery"}).encode()
        return await channel.handle_webhook(body, False, bot)

    assert [(await send("a")).status for _ in range(3)] == [200, 200, 429]
    refused = await send("a")
    assert json.loads(refused.body)["text"] == POLITE_TEXT
    assert int(refused.headers["Retry-After"]) >= 1
    assert len(bot.received) == 2
    assert (await send("b")).status == 200


def route(blueprint, uri):
    return next(r.handler for r in blueprint._future_routes if r.uri == uri)


async def test_kiosk_answers_429(tight):
    bot = Bot()
    receive = route(KioskInput().blueprint(bot), "/webhook")

    async def send(sender):
        body = json.dumps({"sender": sender, "message": "hi"}).encode()
        return await receive(SimpleNamespace(body=body))

    statuses = [(await send("kiosk-1")).status for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert len(bot.received) == 2
    assert (await send("kiosk-2")).status == 200


TOKEN, SECRET, URL = "token", "secret", "https://assistant.example.org/webhooks/sms/webhook"


async def sms(channel, bot, number, text):
    params = {"From": number, "Body": text}
    signature = RequestValidator(TOKEN).compute_signature(URL, params)
    reply = await channel.handle_webhook(urlencode(params).encode(), signature, bot)
    return reply.status, reply.body.decode()


async def test_sms_gets_the_polite_text_once_then_nothing(tight):
    channel, bot = SmsInput(TOKEN, URL, SECRET, phone="847.570.2160"), Bot()
    number = "+15555550123"
    for _ in range(2):
        assert "4 to 6 hours" in (await sms(channel, bot, number, "how long is recovery"))[1]
    status, document = await sms(channel, bot, number, "how long is recovery")
    assert status == 200 and f"<Message>{POLITE_TEXT}</Message>" in document
    status, document = await sms(channel, bot, number, "how long is recovery")
    assert status == 200 and "<Message>" not in document
    assert len(bot.received) == 2
    # keyed by the hashed id, never the number
    assert tight._buckets.keys() == {hash_sender(number, SECRET)}
    # another number is not affected, and STOP still works for the limited one
    assert "4 to 6 hours" in (await sms(channel, bot, "+15555550124", "recovery?"))[1]
    assert STOP_REPLY in (await sms(channel, bot, number, "STOP"))[1]


async def test_socketio_emits_the_polite_text_to_that_socket(tight):
    bot = Bot()
    channel = SocketIOInput.from_credentials(
        {
            "user_message_evt": "user_uttered",
            "bot_message_evt": "bot_uttered",
            "session_persistence": True,
        }
    )
    channel.blueprint(bot)
    emitted = []

    async def emit(event, data=None, room=None, **kwargs):
        emitted.append((event, data, room))

    channel.sio.emit = emit
    handler = channel.sio.handlers["/"]["user_uttered"]
    for _ in range(3):
        await handler("sid-1", {"message": "hi", "session_id": "session-1"})
    assert len(bot.received) == 2
    polite = [e for e in emitted if e[1] == {"text": POLITE_TEXT}]
    assert polite == [("bot_uttered", {"text": POLITE_TEXT}, "sid-1")]
    assert len(emitted) == 3  # the two answers to the session's room, the polite text to sid-1
    await handler("sid-2", {"message": "hi", "session_id": "session-2"})
    assert len(bot.received) == 3
