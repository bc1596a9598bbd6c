"""What every channel answers when a turn cannot be processed.

Two cases, both logged without the patient's text:
- a backing service is unavailable: the conversation store (storage.tracker_store.
  TrackerStoreUnavailable) or, with several replicas, the Redis lock store: the turn was
  neither answered nor stored. Web webhooks answer HTTP 503 with Retry-After and the
  apology below as their usual list of messages, so a client can show it and try again.
- anything else failed inside the turn: the channel's own polite error text, as before.
Either way the patient gets the scheduling line, never a 500 or silence.
"""

import asyncio
import logging
from functools import lru_cache
from typing import Any, Awaitable, Callable, Dict, List, Text

import redis.exceptions
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.lock_store import LockError
from sanic import response
from sanic.response import HTTPResponse

from channels.choices import one_set_of_choices
from storage.tracker_store import TrackerStoreUnavailable
from vertebro import settings

logger = logging.getLogger(__name__)

UNAVAILABLE_STATUS = 503
RETRY_AFTER_SECONDS = 30
UNAVAILABLE_REPLY = (
    "Sorry, I can't answer right now. Please try again in a few minutes, or call {phone}."
)
FAILURE_REPLY = "Sorry, something went wrong. Please try again in a moment, or call {phone}."


@lru_cache(maxsize=1)
def phone() -> Text:
    """The scheduling line, from the domain's `phone` slot (the number's one home)."""
    return settings.phone()


def unavailable_text() -> Text:
    return UNAVAILABLE_REPLY.format(phone=phone())


def failure_text() -> Text:
    """Any other failed turn, on channels that can show the line (REST, the widget)."""
    return FAILURE_REPLY.format(phone=phone())


def backend_unavailable(error: BaseException) -> bool:
    """The conversation store or the lock store could not be used. Rasa raises LockError when
    the Redis lock store is unreachable (it wraps the Redis error) or when the conversation's
    lock could not be had in time: either way the turn did not run. Redis errors that Rasa does
    not wrap (releasing the lock) count too."""
    return isinstance(
        error,
        (
            TrackerStoreUnavailable,
            LockError,
            redis.exceptions.ConnectionError,
            redis.exceptions.TimeoutError,
        ),
    )


def unavailable_response(sender: Text) -> HTTPResponse:
    """503 whose body is the usual list of bot messages: the apology with the phone number."""
    messages: List[Dict[Text, Any]] = [{"recipient_id": sender, "text": unavailable_text()}]
    return response.json(
        messages, status=UNAVAILABLE_STATUS, headers={"Retry-After": str(RETRY_AFTER_SECONDS)}
    )


async def answer_as_json(
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
    message: UserMessage,
    failure_text: Text,
) -> HTTPResponse:
    """Run one turn for a JSON webhook (REST, kiosk): the collected messages; if the turn
    fails, 503 + apology (store unavailable) or the messages so far + `failure_text` (200)."""
    collector = message.output_channel
    assert isinstance(collector, CollectingOutputChannel)
    try:
        await on_new_message(message)
    except (asyncio.CancelledError, Exception) as error:
        # Rasa's REST channel logs the message text here; this logs only the error type.
        logger.error("%s: the turn failed (%s)", message.input_channel, type(error).__name__)
        logger.debug("turn failure", exc_info=True)
        if backend_unavailable(error):
            return unavailable_response(message.sender_id)
        return response.json(
            one_set_of_choices(collector.messages)
            + [{"recipient_id": message.sender_id, "text": failure_text}]
        )
    return response.json(one_set_of_choices(collector.messages))
