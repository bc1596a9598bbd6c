"""The safety tiers: crisis first, then emergencies, then warning signs; idioms are none."""

import pytest

from components.safety_tiers import (
    CRISIS,
    EMERGENCY,
    WARNING,
    crisis,
    doubtful_tier,
    tier,
    warning,
)
from tests.helpers import load_yaml

SETS = load_yaml("tests/data/safety_tiers.yml")
EMERGENCIES = load_yaml("tests/data/red_flag_phrasings.yml")


def test_the_sets_are_big_enough():
    assert len(SETS["crisis"]) >= 20
    assert len(SETS["warnings"]) >= 20
    assert len(SETS["not_crisis_or_warning"]) >= 20


@pytest.mark.parametrize("text", SETS["crisis"] + SETS["more_crisis"])
def test_thoughts_of_self_harm_are_a_crisis(text):
    assert tier(text) == CRISIS


@pytest.mark.parametrize("text", SETS["warnings"] + SETS["more_warnings"])
def test_warning_signs_go_to_the_care_team(text):
    assert tier(text) == WARNING


@pytest.mark.parametrize("text", SETS["not_crisis_or_warning"] + SETS["more_not_crisis"])
def test_idioms_and_questions_are_not_escalated(text):
    assert tier(text) is None


@pytest.mark.parametrize("text", EMERGENCIES["emergencies"][:15] + EMERGENCIES["more_emergencies"])
def test_emergencies_are_emergencies(text):
    assert tier(text) in (EMERGENCY, CRISIS)  # a crisis answer also starts with 911


def test_the_safer_tier_wins():
    assert tier("i took too many pills on purpose, i want to die") == CRISIS
    assert tier("my incision is bleeding and wont stop") == EMERGENCY
    assert tier("high fever with shaking chills since the procedure") == EMERGENCY
    assert tier("a slight fever since the procedure") == WARNING


def test_button_payloads_and_empty_messages_have_no_tier():
    assert tier("/ask_recovery") is None
    assert tier("") is None
    assert not crisis("how long is recovery")
    assert not warning("how long is recovery")


@pytest.mark.parametrize(
    "text,expected",
    [
        # Not understood, but with the words of a crisis or a symptom: the safer answer.
        ("everything is pointless now", CRISIS),
        ("this is killing me, i want it over", CRISIS),
        ("my back is throbbing", WARNING),
        # Idioms and questions about the procedure are not cues.
        ("the suspense is killing me: what do you actually do to the broken bone?", None),
        ("the waiting is killing me", None),
        ("im dying to know the answer", None),
        ("how much blood do you take", None),
        # A blood thinner or blood work is a medicine or a test, not blood; blood still is.
        ("i took my blood thinner this morning by mistake, we were told to stop it", None),
        ("got my bloodwork done already", None),
        ("theres blood coming through my bandage", WARNING),
        ("/ask_recovery", None),
    ],
)
def test_a_message_nobody_understood_gets_the_tier_its_words_say(text, expected):
    assert doubtful_tier(text) == expected


def test_a_past_told_without_a_number_is_still_past():
    # "years ago" with no number: a history, and a question about the procedure.
    text = "had blood clots in my legs years ago so im on eliquis now, does that change anything"
    assert doubtful_tier(text) is None
    assert tier("i had chest pain years ago and it is back right now") == EMERGENCY
