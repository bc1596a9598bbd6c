"""The kiosk channel (channels/kiosk.py): its output channel, and a failed turn is never a 500."""

import json

import pytest
from rasa.core.channels.channel import UserMessage

from channels.failures import RETRY_AFTER_SECONDS
from channels.kiosk import KioskInput, KioskOutput
from storage.tracker_store import TrackerStoreUnavailable


class Reply:
    def __init__(self, response):
        self.status, self.headers = response.status, response.headers
        self.json = json.loads(response.body)


def kiosk_app(fail=None):
    received = []

    async def on_new_message(message: UserMessage):
        received.append(message)
        await message.output_channel.send_text_message(message.sender_id, "An answer.")
        if fail:
            raise fail

    return on_new_message, received


async def post(app, body):
    return Reply(await KioskInput().handle_webhook(json.dumps(body).encode(), app))


async def test_a_question_is_answered_through_the_kiosk_output_channel():
    app, received = kiosk_app()
    reply = await post(app, {"sender": "kiosk-1", "message": "how long is recovery"})
    assert reply.status == 200 and reply.json == [{"recipient_id": "kiosk-1", "text": "An answer."}]
    assert isinstance(received[0].output_channel, KioskOutput)
    assert received[0].input_channel == "kiosk"


async def test_an_unavailable_store_is_a_503_with_the_apology(outage_reply):
    app, _ = kiosk_app(fail=TrackerStoreUnavailable("OperationalError"))
    reply = await post(app, {"sender": "kiosk-1", "message": "how long is recovery"})
    assert reply.status == 503
    assert reply.headers["retry-after"] == str(RETRY_AFTER_SECONDS)
    assert reply.json == [{"recipient_id": "kiosk-1", "text": outage_reply}]


@pytest.mark.parametrize("failure", [RuntimeError("boom"), KeyError("x")])
async def test_any_other_failure_is_a_polite_200(failure):
    app, _ = kiosk_app(fail=failure)
    reply = await post(app, {"sender": "kiosk-1", "message": "how long is recovery"})
    assert reply.status == 200
    # The kiosk has no phone to call from: it sends the patient to the front desk.
    assert reply.json[-1] == {
        "recipient_id": "kiosk-1",
        "text": (
            "Sorry, something went wrong. Please try again in a moment, or ask the front desk."
        ),
    }


async def test_bad_input_is_a_400_and_never_reaches_the_bot():
    app, received = kiosk_app()
    reply = await post(app, {"sender": "../x", "message": "hi"})
    assert reply.status == 400 and received == []
