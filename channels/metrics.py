"""What the assistant is doing, for Prometheus (GET /webhooks/ops/metrics, channels/ops.py).

Every metric lives here, in its own registry. No label holds a message text, a sender id or a
phone number: labels are channel names, intent names and tiers, all from a closed set.

Where they are counted:
- turns, answers by intent, fallbacks, out of scope, safety escalations, turn latency: from the
  events of each turn as the tracker store saves them (`observe_turn`, called by
  storage/tracker_store.py): every channel, once per turn, whatever the channel does;
- the time redaction takes in each save: by storage/tracker_store.py (`make bench` reports it
  against issue 12's budget);
- SMS opt-outs: by the SMS channel (channels/sms/channel.py);
- tracker store errors: by storage/tracker_store.py's fail-closed wrapper;
- action server errors: from Rasa's own error log line when a custom action fails
  (rasa.core.processor), which carries the action's name only.
"""

import logging
import time
from typing import Iterable, Optional

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest

from vertebro.names import CHANNELS, FALLBACK_INTENT, OUT_OF_SCOPE_INTENT, TIER_INTENTS

REGISTRY = CollectorRegistry(auto_describe=True)
# The intent each safety tier raises, and its tier. Channel names outside CHANNELS count as
# "other" in the labels.
SAFETY_TIERS = {intent: tier for tier, intent in TIER_INTENTS.items()}
LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

TURNS = Counter(
    "vertebro_turns_total",
    "Patient messages answered and stored, by channel",
    ["channel"],
    registry=REGISTRY,
)
ANSWERS = Counter(
    "vertebro_answers_total",
    "Answered messages by understood intent",
    ["intent"],
    registry=REGISTRY,
)
FALLBACKS = Counter(
    "vertebro_fallbacks_total",
    "Messages the assistant was not sure about (nlu_fallback)",
    registry=REGISTRY,
)
OUT_OF_SCOPE = Counter(
    "vertebro_out_of_scope_total", "Questions the page does not answer", registry=REGISTRY
)
ESCALATIONS = Counter(
    "vertebro_safety_escalations_total",
    "Safety answers by tier (emergency: call 911)",
    ["tier", "intent"],
    registry=REGISTRY,
)
TURN_SECONDS = Histogram(
    "vertebro_turn_seconds",
    "From the understood user message to the stored turn",
    buckets=LATENCY_BUCKETS,
    registry=REGISTRY,
)
REDACTION_SECONDS = Histogram(
    "vertebro_redaction_seconds",
    "Time a turn spent replacing identifiers in what is stored (storage/redaction.py)",
    buckets=(0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01),
    registry=REGISTRY,
)
SMS_OPT_OUTS = Counter(
    "vertebro_sms_opt_outs_total", "SMS senders who opted out", registry=REGISTRY
)
STORE_ERRORS = Counter(
    "vertebro_tracker_store_errors_total",
    "Turns refused because the tracker store failed",
    registry=REGISTRY,
)
ACTION_ERRORS = Counter(
    "vertebro_action_server_errors_total",
    "Custom actions that failed (action server down or erroring)",
    registry=REGISTRY,
)

for tier_intent, tier in SAFETY_TIERS.items():  # every tier shows, at 0, from the start
    ESCALATIONS.labels(tier=tier, intent=tier_intent)


def observe_turn(events: Iterable[object], now: Optional[float] = None) -> None:
    """Count the user messages among a turn's new events (rasa Event objects)."""
    now = time.time() if now is None else now
    for event in events:
        if getattr(event, "type_name", None) != "user":
            continue
        channel = getattr(event, "input_channel", None) or "other"
        TURNS.labels(channel=channel if channel in CHANNELS else "other").inc()
        intent = (getattr(event, "intent", None) or {}).get("name")
        if intent:
            ANSWERS.labels(intent=intent).inc()
        if intent == FALLBACK_INTENT:
            FALLBACKS.inc()
        elif intent == OUT_OF_SCOPE_INTENT:
            OUT_OF_SCOPE.inc()
        elif intent in SAFETY_TIERS:
            ESCALATIONS.labels(tier=SAFETY_TIERS[intent], intent=intent).inc()
        timestamp = getattr(event, "timestamp", None)
        if isinstance(timestamp, (int, float)) and 0 <= now - timestamp < 3600:
            TURN_SECONDS.observe(now - timestamp)


class _ActionErrorCounter(logging.Filter):
    """Counts Rasa's "Encountered an exception while running action" errors; passes all."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR and str(record.msg).startswith(
            "Encountered an exception while running action"
        ):
            ACTION_ERRORS.inc()
        return True


_action_filter = _ActionErrorCounter()


def count_action_errors() -> None:
    """Attach the action-error counter to Rasa's processor logger (idempotent)."""
    processor_logger = logging.getLogger("rasa.core.processor")
    if _action_filter not in processor_logger.filters:
        processor_logger.addFilter(_action_filter)


def exposition() -> bytes:
    """The metrics in Prometheus' text format."""
    return generate_latest(REGISTRY)


CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
