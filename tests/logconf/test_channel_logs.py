"""At INFO (the servers' level), the channels log nothing of the patient's words: a turn that
is answered, one the store refuses and one that fails with the text in its exception, on
REST, the kiosk and the widget (socket.io). The SMS channel: tests/channels/test_sms.py."""

import json
import logging

import pytest
from rasa.core.channels.channel import UserMessage

from channels.kiosk import KioskInput
from channels.rest import RestInput
from storage.tracker_store import TrackerStoreUnavailable
from tests.channels.test_socketio_channel import make_channel

WORDS = "my neighbour Ruth Okafor says zanzibarquux"


def bot(failure):
    async def on_new_message(message: UserMessage) -> None:
        await message.output_channel.send_text_message(message.sender_id, "An answer.")
        if failure:
            raise failure

    return on_new_message


async def rest(on_new_message):
    body = json.dumps({"sender": "a", "message": WORDS}).encode()
    await RestInput().handle_webhook(body, False, on_new_message)


async def kiosk(on_new_message):
    body = json.dumps({"sender": "kiosk-1", "message": WORDS}).encode()
    await KioskInput().handle_webhook(body, on_new_message)


async def widget(on_new_message):
    channel = make_channel()
    channel.blueprint(on_new_message)

    async def emit(*args, **kwargs):
        pass

    channel.sio.emit = emit
    await channel.sio.handlers["/"]["user_uttered"](
        "sid-1", {"message": WORDS, "session_id": "abc"}
    )


@pytest.mark.parametrize("channel", [rest, kiosk, widget])
@pytest.mark.parametrize(
    "failure", [None, TrackerStoreUnavailable("OperationalError"), RuntimeError(WORDS)]
)
async def test_no_patient_words_in_channel_logs_at_info(caplog, channel, failure):
    caplog.set_level(logging.INFO)
    await channel(bot(failure))
    for record in caplog.records:
        assert record.levelno >= logging.INFO
        written = (
            record.getMessage()
            + " "
            + (logging.Formatter().formatException(record.exc_info) if record.exc_info else "")
        )
        for word in ("Ruth", "Okafor", "zanzibarquux"):
            assert word not in written, (record.name, written)
    if failure is not None:  # the failure itself is logged, by kind
        assert any(
            "failed" in r.getMessage() or "unavailable" in r.getMessage().lower()
            for r in caplog.records
        ), [r.getMessage() for r in caplog.records]
