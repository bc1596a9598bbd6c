import pytest

from actions.handoff import ActionOfferCallButton
from tests.helpers import tel_link


@pytest.mark.parametrize("channel", ["rest", "socketio"])
async def test_tap_to_call_channels_get_a_call_button(
    make_tracker, dispatcher, domain, phone, channel
):
    tracker = make_tracker("i need to reschedule", "contact_scheduling", channel=channel)
    events = await ActionOfferCallButton().run(dispatcher, tracker, domain)
    assert events == []
    [message] = dispatcher.messages
    [button] = message["buttons"]
    assert button["url"] == tel_link(phone)
    assert message["text"]


@pytest.mark.parametrize("channel", ["sms", "kiosk", "cmdline"])
async def test_other_channels_get_no_button(make_tracker, dispatcher, domain, channel):
    tracker = make_tracker("i need to reschedule", "contact_scheduling", channel=channel)
    await ActionOfferCallButton().run(dispatcher, tracker, domain)
    assert dispatcher.messages == []
