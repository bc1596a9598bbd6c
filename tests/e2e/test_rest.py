"""End to end over the REST channel: real action server, real Rasa server, real questions."""

import uuid

import pytest
import requests

from actions.contact import tel_uri
from tests import helpers
from tests.e2e.servers import texts
from tests.helpers import all_fact_phrases, fact, tel_link

pytestmark = pytest.mark.e2e


# (question as a patient types it, what the reply must state: a fact of the page from
# tests/data/allowed_facts.yml, or words of the answer)
FACTS = [
    ("How long is recovery?", fact("recovery")),
    ("can i go home the same day", fact("same_day")),
    ("what is a vertebroplasty?", "bone cement"),
    ("what is vertebroplasty for", "osteoporosis"),
    ("who does the procedure", "interventional radiologist"),
    ("wen do i need 2 get there", fact("arrival")),
    ("why do i have to come so early", "lab tests"),
    ("do i need more scans before", "imaging tests"),
    ("how long does the procedure take", fact("duration")),
    ("will i be asleep during it", "awake"),
    ("will it hurt during the procedure", "should not feel pain"),
    ("how will i be lying on the table", "stomach"),
    ("how big is the cut", "small cut"),
    ("how does the needle get to the bone", "X-rays"),
    ("how long for the cement to harden", fact("cement")),
    ("what happens at the very end", "dressing"),
    ("when will i feel better", fact("pain_relief")),
    ("do i have a follow up appointment", fact("follow_up")),
    ("i take blood thinners", fact("blood_thinners")),
]


@pytest.mark.parametrize("question,expected", FACTS)
def test_page_fact(servers, question, expected):
    reply = texts(servers.ask(question))
    assert expected.lower() in reply.lower(), reply


@pytest.mark.parametrize(
    "question,medicine",
    [
        ("i take Eliquis, do i need to stop it?", "Eliquis"),
        ("what about my coumadin", "Warfarin"),
        ("im on plavix and baby aspirin", "Plavix and Aspirin"),
    ],
)
def test_blood_thinner_answer_names_the_medicine(phone, servers, question, medicine):
    reply = texts(servers.ask(question))
    assert f"You said you take {medicine}." in reply
    assert fact("blood_thinners") in reply
    assert "Do not stop any medicine unless your doctor tells you to" in reply
    assert phone in reply


@pytest.mark.parametrize(
    "question",
    ["i need to reschedule", "i want to speak to a nurse", "how do i make an appointment"],
)
def test_handoff_gives_the_line_and_a_call_button(phone, servers, question):
    messages = servers.ask(question)
    assert phone in messages[0]["text"]
    buttons = [b for m in messages for b in m.get("buttons", [])]
    assert any(b.get("url") == tel_uri(phone) for b in buttons)


@pytest.mark.parametrize(
    "question",
    [
        "what are the risks",
        "how much does it cost",
        "does medicare cover it",
        "can i eat before",
        "who will drive me home",
        "where do i park",
        "what is kyphoplasty",
    ],
)
def test_out_of_scope_says_so_and_gives_the_line(phone, servers, question):
    reply = texts(servers.ask(question))
    assert "don't have that information" in reply
    assert phone in reply
    said = [phrase for phrase in all_fact_phrases() if phrase.lower() in reply.lower()]
    assert said == [], reply


@pytest.mark.parametrize(
    "message",
    [
        "i cant feel my legs",
        "my chest hurts really bad",
        "i can't breathe",
        "the cut is bleeding and wont stop",
        "i lost control of my bladder",
        "i have a high fever since the procedure",
        "my mom cant feel her legs",
    ],
)
def test_red_flags_get_911_first(servers, message):
    messages = servers.ask(message)
    first = messages[0]["text"]
    assert "911" in first.split(".")[1] or "911" in first.split(".")[0]
    assert "emergency room" in first


def test_lookalike_is_answered_not_escalated(servers):
    reply = texts(servers.ask("will my legs be numb from the sedation?"))
    assert "911" not in reply
    assert "light sedation" in reply


def test_how_long_does_it_take_with_nothing_before_is_the_procedure(servers):
    # "it" is what the assistant is for; a bare "how long?" still asks which part (below).
    assert fact("duration") in texts(servers.ask("how long does it take?"))


def test_how_long_follows_the_last_topic(servers):
    sender = uuid.uuid4().hex
    servers.ask("how long is recovery", sender)
    assert fact("recovery") in texts(servers.ask("and how long does that take?", sender))
    servers.ask("what does the bone cement do", sender)
    assert fact("cement") in texts(servers.ask("how long does that take", sender))


def test_how_long_without_a_topic_asks_which(servers):
    [message] = servers.ask("how long?")
    titles = [b["title"] for b in message["buttons"]]
    assert titles == [
        "The procedure",
        "Recovery",
        "The cement hardening",
        "The follow-up visit",
        "Arriving early",
    ]


def test_medical_advice_is_general_and_defers_to_the_care_team(phone, servers):
    reply = texts(servers.ask("should i stop my warfarin on monday?"))
    assert "care team decides" in reply
    assert fact("blood_thinners") in reply
    assert phone in reply


@pytest.mark.parametrize(
    "message,expected",
    [
        ("hi", "vertebroplasty"),
        ("thanks", "welcome"),
        ("bye", helpers.phone()),
        ("are you a bot?", "not a person"),
        ("what can you help with?", "Pick a topic"),
    ],
)
def test_chit_chat(servers, message, expected):
    assert expected in texts(servers.ask(message))


def test_greeting_offers_topics_as_buttons(servers):
    [message] = servers.ask("hello")
    assert [b["payload"] for b in message["buttons"]][0] == "/ask_what_is"


def test_button_payload_is_answered(servers):
    assert fact("recovery") in texts(servers.ask("/ask_recovery"))


def test_gibberish_gets_the_fallback_with_the_line(phone, servers):
    reply = texts(servers.ask("qwzx blorp vvv"))
    assert "did not understand" in reply and phone in reply


@pytest.mark.parametrize(
    "message",
    [
        "",
        "   ",
        "😀😀😀",
        "x" * 5000,
        "<script>alert('x')</script>",
        "'; DROP TABLE events; --",
        "¿Cuánto tiempo dura la recuperación?",
        "\u0000\u0007 hi",
    ],
)
def test_bad_input_gets_a_polite_reply_never_a_500(servers, message):
    sender = uuid.uuid4().hex
    response = requests.post(
        servers.url + "/webhooks/rest/webhook",
        json={"sender": sender, "message": message},
        timeout=30,
    )
    assert response.status_code == 200
    messages = response.json()
    assert messages and all(m.get("text") or m.get("buttons") for m in messages)
    assert "<script>" not in texts(messages)
    # and the conversation still works
    assert fact("recovery") in texts(servers.ask("how long is recovery?", sender))


def test_how_long_before_after_blood_thinners(servers):
    sender = uuid.uuid4().hex
    servers.ask("do i need to stop my blood thinner", sender)
    assert fact("blood_thinners") in texts(servers.ask("how long before?", sender))


def test_two_fractures_after_the_duration(servers):
    sender = uuid.uuid4().hex
    assert fact("duration") in texts(servers.ask("how long does the procedure take", sender))
    reply = texts(servers.ask("what about if i have two fractures?", sender))
    assert "longer" in reply


def test_did_you_mean_offers_two_topics(phone, servers):
    sender = uuid.uuid4().hex
    messages = servers.ask("the bone thing", sender)
    assert "not sure what you mean" in messages[0]["text"] and phone in messages[0]["text"]
    choices = messages[1]["buttons"]
    assert messages[1]["text"] == "Did you mean:"
    assert len(choices) == 2 and all(b["payload"].startswith("/ask_") for b in choices)
    # picking one answers it
    assert texts(servers.ask(choices[0]["payload"], sender))


def test_unclear_twice_hands_off_to_the_line(phone, servers):
    sender = uuid.uuid4().hex
    servers.ask("the bone thing", sender)
    messages = servers.ask("that other bit", sender)
    assert "still can't tell" in messages[0]["text"] and phone in messages[0]["text"]
    assert messages[1]["buttons"][0]["url"] == tel_link(phone)
