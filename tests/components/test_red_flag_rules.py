"""Red-flag rules: every listed emergency fires; look-alike questions do not."""

import pytest

from components.red_flag_rules import normalise, red_flag
from tests.helpers import load_yaml

PHRASINGS = load_yaml("tests/data/red_flag_phrasings.yml")


def test_the_sets_are_big_enough():
    assert len(PHRASINGS["emergencies"]) >= 40
    assert len(PHRASINGS["lookalikes"]) >= 20


@pytest.mark.parametrize("text", PHRASINGS["emergencies"] + PHRASINGS["more_emergencies"])
def test_emergency_is_flagged(text):
    assert red_flag(text) is not None


@pytest.mark.parametrize("text", PHRASINGS["lookalikes"] + PHRASINGS["more_lookalikes"])
def test_lookalike_question_is_not_flagged(text):
    assert red_flag(text) is None


@pytest.mark.parametrize(
    "text,kind",
    [
        ("i cant feel my legs", "legs"),
        ("my chest hurts", "chest"),
        ("i can't breathe", "breathing"),
        ("the cut is bleeding and it wont stop", "bleeding"),
        ("i wet myself and cant control it", "bladder_bowel"),
        ("i have a high fever since the procedure", "fever"),
        ("my husband passed out", "fainting"),
        ("sudden terrible pain in my back", "severe_pain"),
        ("my face is drooping", "stroke"),
        ("she is suddenly confused", "confusion"),
        ("i fell and cant get up", "fall"),
        ("worst headache of my life", "headache"),
        ("i took too many pills", "overdose"),
    ],
)
def test_kind_of_symptom(text, kind):
    assert red_flag(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        # A question word does not hide something happening now: when in doubt, flag it.
        "my legs feel numb will i be ok",
        "is my incision bleeding a lot normal?",
        "my incision is bleeding a lot is that normal",
        "i feel like i am going to pass out",
    ],
)
def test_doubtful_cases_err_towards_safety(text):
    assert red_flag(text) is not None


@pytest.mark.parametrize("text", ["", "hello", "how long is recovery", "will i be awake"])
def test_ordinary_messages_are_not_flagged(text):
    assert red_flag(text) is None


def test_normalise_folds_shorthand():
    assert normalise("Cant   feal my LEGS rn") == "cant feel my legs rn"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("do you x-ray my chest too?", True),
        ("is there much bleeding from the incision?", True),
        ("can the procedure cause numbness in my legs?", True),
        ("something is really wrong with my back", False),
        ("my back is killing me now", False),
        ("i cant feel my legs?", False),
        # A question about the procedure with no question mark, after a joke or an idiom.
        ("my grandson says im killing it haha. ok last one who actually does the procedure", True),
        ("the suspense is killing me: what do you actually do to the broken bone?", True),
        (
            "my legs go weak just thinking about needles hahaha. how do they get in to the bone",
            True,
        ),
        ("my legs went weak just now. how long does the procedure take", False),
        ("", False),
    ],
)
def test_clearly_not_urgent(text, expected):
    from components.red_flag_rules import clearly_not_urgent

    assert clearly_not_urgent(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "my mom had a stroke 3 years ago. can she still have a vertebroplasty?",
        "i had chest pain last year and they put in a stent. do i need to stop plavix?",
        "i passed out at my last procedure years ago. will i be asleep for this one?",
        "i nearly fainted when they told me i need cement in my spine! what is it?",
        "i get a terrible headache whenever i am nervous. will it hurt?",
        "my husband nearly had a heart attack when he saw the bill lol",
        "im dying to know when i can go home",
        "i am not afraid of dying, i just want to know if i will be awake",
        "terrible back pain for six weeks, i cant sleep. will this help?",
        "she slipped on the ice in january and her back has hurt ever since",
        "i am a bit confused about when to arrive",
    ],
)
def test_a_storys_past_a_near_miss_or_an_idiom_is_not_an_emergency(text):
    assert red_flag(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "i nearly passed out just now and my chest hurts",
        "my mom had a stroke years ago and now her face is drooping",
        "my back pain for six weeks suddenly got much worse and i cant feel my legs",
        "i am 80. i fell this morning and cant get up. what should i do?",
    ],
)
def test_something_happening_now_is_not_hidden_by_the_rest_of_the_message(text):
    assert red_flag(text) is not None
