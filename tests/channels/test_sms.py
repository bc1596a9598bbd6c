"""Unit tests of the SMS channel (channels/sms/): no servers, a fake bot where one is needed."""

import hashlib
import hmac
import re
from pathlib import Path
from urllib.parse import urlencode

import pytest
import sqlalchemy
from twilio.request_validator import RequestValidator

from channels.choices import is_intent_payload
from channels.sms.channel import SmsConfigError, SmsInput, SmsOutput, parse_form, twiml
from channels.sms.gsm import gsm_length, is_gsm, to_gsm
from channels.sms.ids import hash_sender
from channels.sms.keywords import STOP_REPLY, keyword
from channels.sms.menus import choice_title, chosen_payload, render_messages
from channels.sms.plain_text import sms_text, to_plain_text
from channels.sms.split import MAX_MESSAGE_SEPTETS, split_for_sms, split_text
from channels.sms.state import ConversationStore
from storage.sms_state import SqlSmsState
from vertebro.settings import SettingsError
from vertebro.settings import phone as load_phone

TOKEN = "unit-test-auth-token"
SECRET = "unit-test-sender-secret"
URL = "https://assistant.example.org/webhooks/sms/webhook"
FROM = "+15555550123"

GREETING = {
    "text": "Hello! I can answer questions about your vertebroplasty. What would you like to know?",
    "buttons": [
        {"title": "What is it?", "payload": "/ask_what_is"},
        {"title": "How do I get ready?", "payload": "/ask_arrival"},
        {"title": "How long is recovery?", "payload": "/ask_recovery"},
        {"title": "Call to schedule", "payload": "/contact_scheduling"},
    ],
}
CALL_BUTTON = {
    "title": "Call 847.570.2160",
    "type": "web_url",
    "url": "tel:+18475702160",
    "payload": "tel:+18475702160",
}


# --- conversation ids ------------------------------------------------------------------------


def test_sender_id_is_the_keyed_hash_of_the_number():
    expected = hmac.new(SECRET.encode(), FROM.encode(), hashlib.sha256).hexdigest()[:32]
    assert hash_sender(FROM, SECRET) == "sms-" + expected
    assert re.fullmatch(r"sms-[0-9a-f]{32}", hash_sender(FROM, SECRET))


def test_sender_id_is_stable_per_number_and_depends_on_the_secret():
    assert hash_sender(FROM, SECRET) == hash_sender(" " + FROM + " ", SECRET)
    assert hash_sender(FROM, SECRET) != hash_sender("+15555550124", SECRET)
    assert hash_sender(FROM, SECRET) != hash_sender(FROM, "another secret")


def test_sender_id_does_not_contain_the_number():
    sender_id = hash_sender(FROM, SECRET)
    assert FROM not in sender_id and "5555550123" not in sender_id


# --- plain text and GSM-7 --------------------------------------------------------------------


@pytest.mark.parametrize(
    "markdown,plain",
    [
        ("**Recovery** takes 4 to 6 hours.", "Recovery takes 4 to 6 hours."),
        ("You will be _awake_.", "You will be awake."),
        ("__Important__: *call* us", "Important: call us"),
        ("See [the page](https://example.org/vp).", "See the page (https://example.org/vp)."),
        ("[Call 847.570.2160](tel:+18475702160)", "Call 847.570.2160"),
        ("## Recovery\n* one\n* two", "Recovery\n- one\n- two"),
        ("keep snake_case_words and 2*3*4", "keep snake_case_words and 2*3*4"),
        ("  spaces   folded  \n\n\nlines kept ", "spaces folded\nlines kept"),
    ],
)
def test_markdown_is_removed(markdown, plain):
    assert to_plain_text(markdown) == plain


@pytest.mark.parametrize(
    "text,gsm",
    [
        ("\u201cquoted\u201d and \u2018single\u2019", "\"quoted\" and 'single'"),
        ("1\u20132 weeks \u2014 or more", "1-2 weeks - or more"),
        ("wait\u2026", "wait..."),
        ("no\u00a0break", "no break"),
        ("recuperaci\u00f3n, d\u00eda, ma\u00f1ana", "recuperacion, dia, ma\u00f1ana"),
        ("caf\u00e9 \u00e0 \u00fc", "caf\u00e9 \u00e0 \u00fc"),  # already GSM-7: kept
        ("ok \U0001f600", "ok "),
    ],
)
def test_common_non_gsm_characters_are_replaced(text, gsm):
    assert to_gsm(text) == gsm
    assert is_gsm(to_gsm(text))


def test_bot_text_goes_out_as_gsm_plain_text():
    text = sms_text("**It\u2019s** done \u2013 go home\u2026 \U0001f44d")
    assert text == "It's done - go home..."
    assert is_gsm(text)


def test_extension_characters_count_twice():
    assert gsm_length("abc") == 3
    assert gsm_length("[a]") == 5
    assert gsm_length("\u20ac") == 2


# --- buttons as numbered choices -------------------------------------------------------------


def test_buttons_become_numbered_choices():
    paragraphs, payloads = render_messages([GREETING])
    assert paragraphs == [
        GREETING["text"],
        "Reply 1 for What is it, 2 for How do I get ready, 3 for How long is recovery, "
        "4 for Call to schedule.",
    ]
    assert payloads == ["/ask_what_is", "/ask_arrival", "/ask_recovery", "/contact_scheduling"]


def test_a_single_button():
    paragraphs, payloads = render_messages(
        [
            {
                "text": "Follow-up in 1 to 2 weeks.",
                "buttons": [{"title": "Call to schedule", "payload": "/contact_scheduling"}],
            }
        ]
    )
    assert paragraphs[-1] == "Reply 1 for Call to schedule."
    assert payloads == ["/contact_scheduling"]


def test_buttons_that_are_not_intents_are_dropped():
    paragraphs, payloads = render_messages(
        [
            {"text": "To schedule, please call 847.570.2160."},
            {"text": "Tap to call:", "buttons": [CALL_BUTTON]},
        ]
    )
    assert payloads == []
    assert not any("Reply" in p for p in paragraphs)
    assert not any("tel:" in p for p in paragraphs)


def test_mixed_buttons_keep_only_intents_and_number_them_densely():
    message = {
        "text": "Pick one.",
        "buttons": [
            CALL_BUTTON,
            {"title": "Recovery", "payload": "/ask_recovery"},
            {"title": "Site", "payload": "https://example.org"},
            {"title": "Pain", "payload": '/ask_pain_relief{"x": "y"}'},
        ],
    }
    paragraphs, payloads = render_messages([message])
    assert paragraphs[-1] == "Reply 1 for Recovery, 2 for Pain."
    assert payloads == ["/ask_recovery", '/ask_pain_relief{"x": "y"}']


def test_choices_are_numbered_across_the_messages_of_a_turn():
    first = {
        "text": "A.",
        "buttons": [{"title": "One", "payload": "/a"}, {"title": "Two", "payload": "/b"}],
    }
    second = {"text": "B.", "buttons": [{"title": "Three", "payload": "/c"}]}
    paragraphs, payloads = render_messages([first, second])
    assert paragraphs == ["A.", "Reply 1 for One, 2 for Two.", "B.", "Reply 3 for Three."]
    assert payloads == ["/a", "/b", "/c"]


@pytest.mark.parametrize(
    "payload,is_intent",
    [
        ("/ask_recovery", True),
        (" /greet ", True),
        ('/inform{"a": 1}', True),
        ("tel:+18475702160", False),
        ("https://example.org", False),
        ("", False),
        (None, False),
        ("/", False),
        ("ask_recovery", False),
    ],
)
def test_intent_payloads(payload, is_intent):
    assert is_intent_payload(payload) is is_intent


def test_choice_titles_are_plain_without_closing_punctuation():
    assert choice_title("**What** is it?") == "What is it"
    assert choice_title("When\u2019s my visit?") == "When's my visit"


@pytest.mark.parametrize(
    "reply,expected",
    [
        ("1", "/ask_what_is"),
        (" 2 ", "/ask_arrival"),
        ("4", "/contact_scheduling"),
        ("5", None),
        ("0", None),
        ("01", "/ask_what_is"),
        ("1.", None),
        ("one", None),
        ("12", None),
        ("", None),
        (None, None),
        ("\u0661", None),
    ],
)
def test_a_number_maps_back_to_its_choice(reply, expected):
    payloads = ["/ask_what_is", "/ask_arrival", "/ask_recovery", "/contact_scheduling"]
    assert chosen_payload(reply, payloads) == expected


def test_a_number_without_choices_is_text():
    assert chosen_payload("1", []) is None


# --- splitting -------------------------------------------------------------------------------


def test_a_short_reply_is_one_message():
    paragraphs, _ = render_messages([GREETING])
    bodies = split_for_sms(paragraphs)
    assert len(bodies) == 1 and bodies[0].endswith("4 for Call to schedule.")
    assert "\n" in bodies[0]


def test_long_text_is_cut_between_sentences():
    sentences = [f"Sentence number {i} says something useful about recovery." for i in range(20)]
    bodies = split_for_sms([" ".join(sentences)])
    assert len(bodies) > 1
    assert all(gsm_length(body) <= MAX_MESSAGE_SEPTETS for body in bodies)
    assert all(body.endswith(".") for body in bodies)
    assert " ".join(bodies) == " ".join(sentences)


def test_a_long_sentence_is_cut_between_words():
    sentence = " ".join(["word"] * 200)
    bodies = split_text(sentence)
    assert len(bodies) == 4
    assert all(gsm_length(body) <= MAX_MESSAGE_SEPTETS for body in bodies)
    assert all(not body.startswith(" ") and not body.endswith(" ") for body in bodies)
    assert " ".join(bodies).split() == sentence.split()


def test_a_word_longer_than_a_message_is_cut():
    bodies = split_text("x" * 700)
    assert [len(b) for b in bodies] == [306, 306, 88]


def test_extension_characters_count_when_splitting():
    bodies = split_text(" ".join(["[ab]"] * 100))
    assert all(gsm_length(body) <= MAX_MESSAGE_SEPTETS for body in bodies)
    assert max(len(body) for body in bodies) < MAX_MESSAGE_SEPTETS


def test_paragraphs_share_a_message_when_they_fit():
    assert split_for_sms(["One.", "Two."]) == ["One.\nTwo."]
    assert split_for_sms(["a" * 200, "b" * 200]) == ["a" * 200, "b" * 200]
    assert split_for_sms([]) == []


def test_exactly_306_fits_one_message():
    assert split_text("y" * 306) == ["y" * 306]


# --- TwiML -----------------------------------------------------------------------------------


def test_twiml_escapes_and_has_one_message_per_body():
    document = twiml(["a < b & c", "second"])
    assert document.startswith('<?xml version="1.0" encoding="UTF-8"?><Response>')
    assert "<Message>a &lt; b &amp; c</Message><Message>second</Message>" in document


def test_empty_twiml():
    assert twiml([]).endswith("<Response />")


# --- keywords --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,kind",
    [
        ("STOP", "stop"),
        ("stop", "stop"),
        (" Stop. ", "stop"),
        ("STOPALL", "stop"),
        ("unsubscribe", "stop"),
        ("Cancel", "stop"),
        ("END", "stop"),
        ("quit!", "stop"),
        ("revoke", "stop"),
        ("OPTOUT", "stop"),
        ("START", "start"),
        ("unstop", "start"),
        ("yes", "start_if_opted_out"),
        ("HELP", "help"),
        ("info", "help"),
        ("please stop the bleeding", None),
        ("help me", None),
        ("stop it now", None),
        ("", None),
        (None, None),
    ],
)
def test_keywords_are_whole_messages(text, kind):
    assert keyword(text) == kind


# --- per-conversation store ------------------------------------------------------------------


def test_store_is_bounded_and_drops_the_least_recently_used():
    store = ConversationStore(max_size=3)
    for name in "abc":
        store.set_choices(name, ["/x"])
    store.choices("a")  # a is now recently used
    store.set_choices("d", ["/y"])
    assert len(store) == 3
    assert "b" not in store and "a" in store and "d" in store


def test_store_does_not_grow_for_turns_without_choices():
    store = ConversationStore(max_size=3)
    store.set_choices("a", [])
    assert len(store) == 0
    store.set_choices("b", ["/x"])
    store.set_choices("b", [])
    assert store.choices("b") == []


def test_opting_out_clears_choices():
    store = ConversationStore()
    store.set_choices("a", ["/x"])
    store.set_opted_out("a", True)
    assert store.is_opted_out("a") and store.choices("a") == []
    store.set_opted_out("a", False)
    assert not store.is_opted_out("a")


def test_default_store_size():
    assert ConversationStore().max_size == 10_000


# --- configuration ---------------------------------------------------------------------------


def test_phone_comes_from_the_domain(phone):
    assert load_phone() == phone


def test_no_phone_number_in_the_channels_code():
    sources = sorted(Path("channels").rglob("*.py"))
    assert len(sources) > 10
    for path in sources:
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"\d{3}[.\-\s]\d{3}[.\-\s]\d{4}", source), path
        assert "8475702160" not in source, path


def test_missing_domain_phone_is_a_clear_error(tmp_path):
    domain = tmp_path / "domain.yml"
    domain.write_text("slots: {}\n")
    with pytest.raises(SettingsError, match="slots.phone.initial_value"):
        load_phone(domain)


@pytest.mark.parametrize(
    "credentials,missing",
    [
        (None, "auth_token"),
        ({"auth_token": "", "webhook_url": URL, "sender_secret": SECRET}, "auth_token"),
        ({"auth_token": TOKEN, "webhook_url": URL, "sender_secret": ""}, "sender_secret"),
        ({"auth_token": TOKEN, "webhook_url": URL, "sender_secret": None}, "sender_secret"),
        ({"auth_token": "  ", "webhook_url": URL, "sender_secret": SECRET}, "auth_token"),
        ({"auth_token": TOKEN, "webhook_url": "", "sender_secret": SECRET}, "webhook_url"),
    ],
)
def test_refuses_to_start_without_secrets(credentials, missing):
    with pytest.raises(SmsConfigError, match=missing):
        SmsInput.from_credentials(credentials)


def test_refuses_a_webhook_url_that_is_not_a_url():
    with pytest.raises(SmsConfigError, match="webhook_url"):
        SmsInput.from_credentials(
            {"auth_token": TOKEN, "webhook_url": "/webhooks/sms/webhook", "sender_secret": SECRET}
        )


def test_from_credentials(phone):
    channel = SmsInput.from_credentials(
        {"auth_token": TOKEN, "webhook_url": URL, "sender_secret": SECRET}
    )
    assert channel.name() == "sms" and channel.url_prefix() == "sms"
    assert channel.webhook_url == URL and channel.phone == phone
    assert SmsOutput.name() == "sms"
    assert isinstance(channel.get_output_channel(), SmsOutput)


# --- the webhook handler, with a fake bot ------------------------------------------------------


def test_form_parsing_keeps_blank_values():
    assert parse_form(b"From=%2B1555&Body=&FromZip=") == {
        "From": "+1555",
        "Body": "",
        "FromZip": "",
    }
    assert parse_form(b"Body=a&Body=b") is None
    assert parse_form(b"\xff\xfe") is None


class FakeBot:
    """Answers like the domain does: greeting with buttons, recovery, what-is."""

    ANSWERS = {
        "hi": [GREETING],
        "/ask_what_is": [{"text": "A vertebroplasty ... puts bone cement right into the bone."}],
        "/ask_recovery": [{"text": "Recovery takes 4 to 6 hours."}],
        "call": [
            {"text": "Please call 847.570.2160."},
            {"text": "Tap to call:", "buttons": [CALL_BUTTON]},
        ],
        "long": [
            {
                "text": " ".join(
                    f"Sentence {i} is a fairly long sentence about recovery." for i in range(20)
                )
            }
        ],
    }

    def __init__(self, fail: bool = False):
        self.received = []
        self.fail = fail

    async def __call__(self, message):
        self.received.append(message)
        if self.fail:
            raise RuntimeError("bot down")
        for answer in self.ANSWERS.get(message.text, [{"text": "Sorry, I did not understand."}]):
            answer = dict(answer)
            await message.output_channel.send_response(message.sender_id, answer)


@pytest.fixture(params=["memory", "database"])
def channel(request, tmp_path):
    """The channel with its state in memory, and in a SQLite database as the server keeps it
    (storage/sms_state.py): every channel test runs against both."""
    if request.param == "memory":
        return SmsInput(TOKEN, URL, SECRET, store=ConversationStore())
    engine = sqlalchemy.create_engine(f"sqlite:///{tmp_path / 'tracker.db'}")
    return SmsInput(TOKEN, URL, SECRET, store=SqlSmsState(engine))


def signed(params, token=TOKEN, url=URL):
    return urlencode(params).encode(), RequestValidator(token).compute_signature(url, params)


async def post(channel, bot, body, params=None, token=TOKEN):
    params = params if params is not None else {"From": FROM, "Body": body, "MessageSid": "SM1"}
    data, signature = signed(params, token)
    reply = await channel.handle_webhook(data, signature, bot)
    return reply.status, reply.body.decode()


def bodies(document):
    return [
        m.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        for m in re.findall(r"<Message>(.*?)</Message>", document, re.S)
    ]


async def test_a_signed_message_reaches_the_bot_under_the_hashed_id(channel):
    bot = FakeBot()
    status, document = await post(channel, bot, "hi")
    assert status == 200
    assert "Reply 1 for What is it" in document
    [message] = bot.received
    assert message.sender_id == hash_sender(FROM, SECRET)
    assert message.input_channel == "sms" and message.message_id == "SM1"
    assert message.metadata is None
    assert isinstance(message.output_channel, SmsOutput)


async def test_the_reply_is_xml(channel):
    data, signature = signed({"From": FROM, "Body": "hi"})
    reply = await channel.handle_webhook(data, signature, FakeBot())
    assert reply.content_type == "application/xml"


async def test_blank_fields_are_part_of_the_signature(channel):
    bot = FakeBot()
    params = {"From": FROM, "Body": "hi", "FromZip": "", "FromCity": "", "NumMedia": "0"}
    status, _ = await post(channel, bot, None, params)
    assert status == 200 and len(bot.received) == 1


@pytest.mark.parametrize("change", ["unsigned", "tampered", "wrong_token", "wrong_url"])
async def test_bad_signatures_are_refused_and_reach_no_conversation(channel, change):
    bot = FakeBot()
    params = {"From": FROM, "Body": "hi"}
    data, signature = signed(params)
    if change == "unsigned":
        signature = ""
    elif change == "tampered":
        data = urlencode({"From": FROM, "Body": "STOP"}).encode()
    elif change == "wrong_token":
        data, signature = signed(params, token="not-the-token")
    elif change == "wrong_url":
        data, signature = signed(params, url="http://127.0.0.1:5005/webhooks/sms/webhook")
    reply = await channel.handle_webhook(data, signature, bot)
    assert reply.status == 403
    assert bot.received == [] and len(channel.store) == 0


async def test_a_number_picks_the_choice_then_is_plain_text(channel):
    bot = FakeBot()
    await post(channel, bot, "hi")
    status, document = await post(channel, bot, " 1 ")
    assert status == 200 and "bone cement" in document
    assert bot.received[-1].text == "/ask_what_is"
    # the answer had no buttons: "1" is now just text
    await post(channel, bot, "1")
    assert bot.received[-1].text == "1"


async def test_a_number_out_of_range_is_text(channel):
    bot = FakeBot()
    await post(channel, bot, "hi")
    await post(channel, bot, "9")
    assert bot.received[-1].text == "9"


async def test_choices_are_per_sender(channel):
    bot = FakeBot()
    await post(channel, bot, "hi")
    await post(channel, bot, None, {"From": "+15555550199", "Body": "1"})
    assert bot.received[-1].text == "1"


async def test_tel_buttons_are_dropped_and_the_number_stays(channel):
    status, document = await post(channel, FakeBot(), "call")
    assert "847.570.2160" in document and "tel:" not in document and "Reply" not in document


async def test_every_message_is_at_most_306(channel):
    _, document = await post(channel, FakeBot(), "long")
    messages = bodies(document)
    assert len(messages) > 1
    assert all(gsm_length(m) <= MAX_MESSAGE_SEPTETS for m in messages)


async def test_stop_help_start(channel, phone):
    bot = FakeBot()
    _, document = await post(channel, bot, "Stop")
    assert bodies(document) == [STOP_REPLY]
    assert STOP_REPLY == (
        "You are unsubscribed from the vertebroplasty assistant and will "
        "get no more messages. Reply START to resubscribe."
    )
    _, document = await post(channel, bot, "how long is recovery")
    assert bodies(document) == [] and document.endswith("<Response />")
    # One confirmation only: after it, nothing (not HELP, not another STOP) until START.
    for word in ("HELP", "STOP", "stop texting me"):
        _, document = await post(channel, bot, word)
        assert bodies(document) == [], word
    _, document = await post(channel, bot, "start")
    assert "resubscribed" in document
    assert bot.received == []
    await post(channel, bot, "hi")
    assert [m.text for m in bot.received] == ["hi"]


async def test_help_and_info_give_the_line(channel, phone):
    for word in ("HELP", "info"):
        _, document = await post(channel, FakeBot(), word)
        assert bodies(document) == [
            f"Vertebroplasty assistant: answers about your procedure. For scheduling or "
            f"questions, call {phone}. Reply STOP to stop."
        ]


@pytest.mark.parametrize(
    "text",
    [
        "stop texting me",
        "Please stop texting me!",
        "don't text me",
        "unsubscribe me",
        "remove me from this list",
        "no more texts",
        "STOP MESSAGING ME PLEASE",
    ],
)
async def test_plain_requests_to_stop_opt_out(channel, text):
    bot = FakeBot()
    _, document = await post(channel, bot, text)
    assert bodies(document) == [STOP_REPLY]
    _, document = await post(channel, bot, "hi")
    assert bodies(document) == [] and bot.received == []


@pytest.mark.parametrize(
    "text",
    ["when can I stop taking warfarin", "stop", "does the pain stop", "can I text you a question"],
)
def test_questions_with_stop_words_are_not_requests_to_stop(text):
    assert (keyword(text) == "stop") == (text == "stop")


async def test_opt_out_and_choices_survive_a_restart(tmp_path):
    """The state is in the database: a new channel (a restart, another replica) sees it."""
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    first = SmsInput(TOKEN, URL, SECRET, store=SqlSmsState(sqlalchemy.create_engine(url)))
    bot = FakeBot()
    await post(first, bot, "hi")
    second = SmsInput(TOKEN, URL, SECRET, store=SqlSmsState(sqlalchemy.create_engine(url)))
    _, document = await post(second, bot, "1")
    assert bot.received[-1].text == "/ask_what_is" and "bone cement" in document
    await post(first, bot, "STOP")
    third = SmsInput(TOKEN, URL, SECRET, store=SqlSmsState(sqlalchemy.create_engine(url)))
    _, document = await post(third, bot, "how long is recovery")
    assert bodies(document) == [] and bot.received[-1].text == "/ask_what_is"
    _, document = await post(third, bot, "START")
    assert "resubscribed" in document
    await post(first, bot, "hi")
    assert bot.received[-1].text == "hi"


async def test_the_state_database_down_is_the_outage_answer(tmp_path, phone):
    engine = sqlalchemy.create_engine(f"sqlite:///{tmp_path / 'missing' / 'tracker.db'}")
    channel = SmsInput(TOKEN, URL, SECRET, store=SqlSmsState(engine))
    bot = FakeBot()
    status, document = await post(channel, bot, "hi")
    assert status == 200 and bot.received == []
    assert bodies(document) == [
        f"Sorry, I can't answer right now. Please try again in a few minutes, or call {phone}."
    ]


async def test_yes_is_an_opt_in_only_when_opted_out(channel):
    bot = FakeBot()
    await post(channel, bot, "yes")
    assert [m.text for m in bot.received] == ["yes"]
    await post(channel, bot, "STOP")
    _, document = await post(channel, bot, "YES")
    assert "resubscribed" in document and len(bot.received) == 1


async def test_missing_from_is_400(channel):
    bot = FakeBot()
    status, _ = await post(channel, bot, None, {"Body": "hi"})
    assert status == 400 and bot.received == []
    status, _ = await post(channel, bot, None, {"From": " ", "Body": "hi"})
    assert status == 400


async def test_missing_body_is_an_empty_message(channel):
    bot = FakeBot()
    status, document = await post(channel, bot, None, {"From": FROM, "MessageSid": "SM2"})
    assert status == 200 and bodies(document)
    assert bot.received[0].text == ""


async def test_long_body_is_cut(channel):
    bot = FakeBot()
    status, _ = await post(channel, bot, "x" * 5000)
    assert status == 200 and len(bot.received[0].text) == 1600


async def test_a_bad_message_sid_is_not_used(channel):
    bot = FakeBot()
    await post(channel, bot, None, {"From": FROM, "Body": "hi", "MessageSid": "<x>"})
    assert bot.received[0].message_id != "<x>"


async def test_a_failing_bot_is_a_polite_reply_not_a_500(channel, phone):
    status, document = await post(channel, FakeBot(fail=True), "hi")
    assert status == 200 and phone in document


async def test_the_number_and_text_are_not_logged(channel, caplog):
    caplog.set_level("DEBUG", logger="channels.sms.channel")
    await post(channel, FakeBot(), "my secret question")
    await post(channel, FakeBot(), None, {"Body": "no sender"})
    await post(channel, FakeBot(), "STOP")
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert "5555550123" not in logged and "secret question" not in logged
