"""Rate limiting per conversation, shared by every input channel: a small in-memory token bucket.

Each conversation id (REST/kiosk `sender`, the widget's socket.io session id, the SMS channel's
hashed sender id) gets a bucket of RATE_LIMIT_BURST tokens (default 10) that refills at
RATE_LIMIT_PER_MINUTE tokens a minute (default 30). A message takes one token; a sender without a
token gets a polite answer and the message does NOT reach the bot:

- REST and kiosk: HTTP 429, {"error": ..., "text": POLITE_TEXT} and a Retry-After header;
- SMS: TwiML with POLITE_TEXT (HTTP 200, as Twilio expects), once per run of refused messages;
- socket.io: POLITE_TEXT as a bot message to that socket.

RATE_LIMIT_PER_MINUTE=0 switches the limit off (e.g. for load tests).

This is per conversation, against a runaway or scripted client; it is not a defence against a
flood of distinct ids (each new id starts with a full bucket): limit by client address at the
reverse proxy for that.

The buckets of REST, kiosk and the widget live in this process (nginx keeps each of those
conversations on one replica). The SMS channel's buckets are kept in the database with the rest
of its state (storage/sms_state.py), since Twilio's requests are spread over the replicas.
"""

import logging
import math
import os
import time
from collections import OrderedDict
from typing import Callable, List, NamedTuple, Optional, Sequence, Text, Tuple

from sanic import response
from sanic.response import HTTPResponse

logger = logging.getLogger(__name__)

POLITE_TEXT = "You are sending messages very fast. Please wait a moment and try again."
ERROR = "too many messages"

DEFAULT_PER_MINUTE = 30
DEFAULT_BURST = 10
# At most this many conversations are tracked (least recently seen dropped first): about
# 0.5 KB each with a 128-character id, so at most ~25 MB.
MAX_SENDERS = 50_000


class Decision(NamedTuple):
    allowed: bool
    # Seconds until the sender has a token again (0 when allowed).
    retry_after: float = 0.0
    # The first refused message since the sender's last accepted one.
    first_refusal: bool = False

    @property
    def retry_after_header(self) -> Text:
        """Whole seconds, at least 1 (the Retry-After header takes an integer)."""
        return str(max(1, math.ceil(self.retry_after)))


class RateLimiter:
    """Token buckets keyed by conversation id, in an LRU-bounded OrderedDict.

    Not locked: every channel calls `check` from the Sanic event loop, and `check` does not
    await, so no two calls interleave.
    """

    def __init__(
        self,
        per_minute: float = DEFAULT_PER_MINUTE,
        burst: int = DEFAULT_BURST,
        max_senders: int = MAX_SENDERS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_minute = per_minute
        self.rate = per_minute / 60.0  # tokens per second
        self.burst = max(1, int(burst))
        self.max_senders = max(1, int(max_senders))
        self.clock = clock
        # conversation id -> [tokens, time of the last update, refused since last accepted]
        self._buckets: "OrderedDict[Text, List]" = OrderedDict()

    @classmethod
    def from_env(cls) -> "RateLimiter":
        return cls(
            per_minute=_env_number("RATE_LIMIT_PER_MINUTE", DEFAULT_PER_MINUTE),
            burst=int(_env_number("RATE_LIMIT_BURST", DEFAULT_BURST, minimum=1)),
        )

    @property
    def enabled(self) -> bool:
        return self.rate > 0

    def __len__(self) -> int:
        return len(self._buckets)

    def take(self, bucket: Optional[Sequence], now: float) -> Tuple[List, Decision]:
        """The token-bucket step on its own: (bucket after this message, decision), from the
        bucket [tokens, time of the last update, refused since last accepted] or None (new
        sender). Used by `check` here and by storage/sms_state.py, which keeps the bucket in
        the database so that every replica counts the same."""
        if not self.enabled:
            return [float(self.burst), now, False], Decision(True)
        if bucket is None:
            tokens, refused = float(self.burst), False
        else:
            elapsed = max(0.0, now - bucket[1])
            tokens, refused = min(float(self.burst), bucket[0] + elapsed * self.rate), bucket[2]
        if tokens >= 1.0:
            return [tokens - 1.0, now, False], Decision(True)
        return [tokens, now, True], Decision(False, (1.0 - tokens) / self.rate, not refused)

    def check(self, key: Text) -> Decision:
        """Take a token for `key` if it has one."""
        if not self.enabled:
            return Decision(True)
        bucket = self._buckets.get(key)
        if bucket is not None:
            self._buckets.move_to_end(key)
        self._buckets[key], decision = self.take(bucket, self.clock())
        while len(self._buckets) > self.max_senders:
            self._buckets.popitem(last=False)
        return decision


def _env_number(name: Text, default: float, minimum: float = 0) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not math.isfinite(value) or value < minimum:
        logger.warning("%s=%r is not a number >= %s; using %s.", name, raw, minimum, default)
        return default
    return value


_shared: Optional[RateLimiter] = None


def shared() -> RateLimiter:
    """The process-wide limiter (made from the environment on first use)."""
    global _shared
    if _shared is None:
        _shared = RateLimiter.from_env()
    return _shared


def set_shared(limiter: Optional[RateLimiter]) -> Optional[RateLimiter]:
    """Replace the process-wide limiter (None: made again from the environment on next use);
    returns the previous one. For tests."""
    global _shared
    previous, _shared = _shared, limiter
    return previous


def too_many_requests(decision: Decision) -> HTTPResponse:
    """The HTTP answer to a refused message (REST, kiosk)."""
    return response.json(
        {"error": ERROR, "text": POLITE_TEXT},
        status=429,
        headers={"Retry-After": decision.retry_after_header},
    )
