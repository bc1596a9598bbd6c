from rasa_sdk.events import UserUtteranceReverted

from actions.fallback import ActionDefaultFallback
from tests.helpers import tel_link


async def test_fallback_offers_the_line_and_forgets_the_message(
    make_tracker, dispatcher, domain, phone
):
    tracker = make_tracker("blorp zzz", "nlu_fallback", channel="socketio")
    events = await ActionDefaultFallback().run(dispatcher, tracker, domain)
    assert events == [UserUtteranceReverted()]
    assert dispatcher.messages[0]["response"] == "utter_out_of_scope"
    assert dispatcher.messages[1]["buttons"][0]["url"] == tel_link(phone)


async def test_fallback_on_sms_is_text_only(make_tracker, dispatcher, domain):
    tracker = make_tracker("blorp zzz", "nlu_fallback", channel="sms")
    await ActionDefaultFallback().run(dispatcher, tracker, domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_out_of_scope"]
