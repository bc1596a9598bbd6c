"""One set of choices a turn: the last answer's buttons, links kept."""

from channels.choices import is_intent_payload, one_set_of_choices

CALL = {
    "title": "Call 847.570.2160",
    "type": "web_url",
    "url": "tel:+18475702160",
    "payload": "tel:+18475702160",
}


def answer(text, *payloads):
    return {"text": text, "buttons": [{"title": p, "payload": p} for p in payloads]}


def test_only_the_last_answers_choices_are_offered():
    messages = [
        answer("Recovery takes 4 to 6 hours.", "/ask_pain_relief"),
        answer("Pain relief within a few hours.", "/ask_recovery", "/ask_follow_up"),
        answer("Follow-up in 1 to 2 weeks.", "/contact_scheduling"),
    ]
    kept = one_set_of_choices(messages)
    assert [m["text"] for m in kept] == [m["text"] for m in messages]
    assert ["buttons" in m for m in kept] == [False, False, True]
    assert kept[-1]["buttons"] == messages[-1]["buttons"]


def test_links_stay_and_an_emptied_message_goes():
    messages = [
        answer("One.", "/ask_recovery"),
        {"text": "Tap to call:", "buttons": [CALL]},
        {"buttons": [{"title": "x", "payload": "/ask_cement"}]},
        answer("Two.", "/ask_follow_up"),
    ]
    kept = one_set_of_choices(messages)
    assert kept == [
        {"text": "One."},
        {"text": "Tap to call:", "buttons": [CALL]},
        answer("Two.", "/ask_follow_up"),
    ]


def test_one_answer_is_untouched():
    messages = [
        answer("One.", "/ask_recovery", "/ask_cement"),
        {"text": "Tap to call:", "buttons": [CALL]},
    ]
    assert one_set_of_choices(messages) is messages


def test_intent_payloads():
    assert is_intent_payload("/ask_recovery")
    assert not is_intent_payload("tel:+18475702160")
    assert not is_intent_payload(None)
