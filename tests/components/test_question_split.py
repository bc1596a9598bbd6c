"""Finding the questions of a message."""

import pytest

from components.question_split import asks, core, questions


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "How long does it take and when can I go home?",
            ["How long does it take", "when can I go home?"],
        ),
        ("will i be awake? and will it hurt?", ["will i be awake?", "will it hurt?"]),
        (
            "when do i arrive, do i need scans, and do i stop my warfarin?",
            ["when do i arrive", "do i need scans", "do i stop my warfarin?"],
        ),
        (
            "1) how long does it take 2) can I go home that day 3) when is my follow up",
            ["how long does it take", "can I go home that day", "when is my follow up"],
        ),
        (
            "First, is there a follow-up? Second, how soon will my pain improve?",
            ["is there a follow-up?", "how soon will my pain improve?"],
        ),
        ("I'm 82 and my doctor wants me to have this. When do I arrive?", ["When do I arrive?"]),
        ("Hi, how long is recovery?", ["how long is recovery?"]),
        (
            "The nurse asked me to find out how quickly the cement sets. Thanks.",
            ["The nurse asked me to find out how quickly the cement sets"],
        ),
        # An indirect question after "and whether", a question someone else is asking.
        (
            "I need to know when to arrive, and whether I stop my aspirin",
            ["I need to know when to arrive", "whether I stop my aspirin"],
        ),
        (
            "What is recovery like. My daughter is asking who does it.",
            ["What is recovery like", "My daughter is asking who does it"],
        ),
        # Spanish: a request ("quiero saber") and questions after commas.
        (
            "quiero saber a que hora llego y cuanto dura la recuperacion",
            ["quiero saber a que hora llego", "cuanto dura la recuperacion"],
        ),
        (
            "cuando me dan de alta, cuando es la cita de control",
            ["cuando me dan de alta", "cuando es la cita de control"],
        ),
        # Someone else's request inside a story; "y en qué ..." as a second question.
        (
            "Tengo 75 años y me operan el martes. Mi nieto quiere saber si puede entrar conmigo",
            ["Mi nieto quiere saber si puede entrar conmigo"],
        ),
        (
            "voy a estar despierta? y en que parte me pican",
            ["voy a estar despierta?", "en que parte me pican"],
        ),
        # "y me puedo ...", "y me tengo que ...": a second question.
        (
            "¿cuánto tarda y me puedo ir a mi casa ese día?",
            ["¿cuánto tarda", "me puedo ir a mi casa ese día?"],
        ),
        # "y en cuántas horas ...", and "que es ..." without its accent (session 10).
        (
            "quien me hace el procedimiento, y en cuantas horas me voy?",
            ["quien me hace el procedimiento", "en cuantas horas me voy?"],
        ),
        (
            "que es exactamente esto y quien lo hace?",
            ["que es exactamente esto", "quien lo hace?"],
        ),
    ],
)
def test_several_questions_are_found_in_order(text, expected):
    assert questions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "will there be swelling and redness",
        "do I lie on my back or my stomach",
        "how long is recovery",
        "what happens during the procedure",
    ],
)
def test_one_question_stays_whole(text):
    assert questions(text) == [text]


def test_statements_are_not_questions():
    assert not asks("I'm 82")
    assert not asks("my doctor wants me to have this")
    assert asks("is it painful")
    assert asks("tell me about recovery")


@pytest.mark.parametrize(
    "part,expected",
    [
        ("I just want to know if I'll be awake", "I'll be awake"),
        ("my question is do i need to come off my plavix", "do i need to come off my plavix"),
        ("can you tell me how long it takes", "how long it takes"),
        ("quiero saber si voy a estar despierto", "voy a estar despierto"),
        # A lead-in that is the whole question, or a request that is the question, stays.
        ("tell me about the procedure", "tell me about the procedure"),
        ("I want to know", "I want to know"),
        ("how long is recovery", "how long is recovery"),
    ],
)
def test_a_question_is_read_without_its_lead_in(part, expected):
    assert core(part) == expected


def test_fillers_before_a_question_word_still_ask():
    text = "if i get so nervous my heart stops, jk jk. seriously tho how long is recovery"
    assert questions(text) == ["seriously tho how long is recovery"]
