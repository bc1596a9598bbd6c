"""Red-flag rules: every listed emergency fires; look-alike questions do not."""
import pytest

from components.red_flag_rules import normalise, red_flag
from tests.conftest import load_yaml

PHRASINGS = load_yaml("tests/data/red_flag_phrasings.yml")


def test_the_sets_are_big_enough():
    assert len(PHRASINGS["emergencies"]) >= 40
    assert len(PHRASINGS["lookalikes"]) >= 20


@pytest.mark.parametrize("text", PHRASINGS["emergencies"])
def test_emergency_is_flagged(text):
    assert red_flag(text) is not None


@pytest.mark.parametrize("text", PHRASINGS["lookalikes"])
def test_lookalike_question_is_not_flagged(text):
    assert red_flag(text) is None


@pytest.mark.parametrize("text,kind", [
    ("i cant feel my legs", "legs"),
    ("my chest hurts", "chest"),
    ("i can't breathe", "breathing"),
    ("the cut is bleeding and it wont stop", "bleeding"),
    ("i wet myself and cant control it", "bladder_bowel"),
    ("i have a high fever since the procedure", "fever"),
    ("my husband passed out", "fainting"),
    ("sudden terrible pain in my back", "severe_pain"),
])
def test_kind_of_symptom(text, kind):
    assert red_flag(text) == kind


@pytest.mark.parametrize("text", [
    # A question word does not hide something happening now: when in doubt, flag it.
    "my legs feel numb will i be ok",
    "is my incision bleeding a lot normal?",
    "my incision is bleeding a lot is that normal",
    "i feel like i am going to pass out",
])
def test_doubtful_cases_err_towards_safety(text):
    assert red_flag(text) is not None


@pytest.mark.parametrize("text", ["", "hello", "how long is recovery", "will i be awake"])
def test_ordinary_messages_are_not_flagged(text):
    assert red_flag(text) is None


def test_normalise_folds_shorthand():
    assert normalise("Cant   feal my LEGS rn") == "cant feel my legs rn"


@pytest.mark.parametrize("text,expected", [
    ("do you x-ray my chest too?", True),
    ("is there much bleeding from the incision?", True),
    ("can the procedure cause numbness in my legs?", True),
    ("something is really wrong with my back", False),
    ("my back is killing me now", False),
    ("i cant feel my legs?", False),
    ("", False),
])
def test_clearly_not_urgent(text, expected):
    from components.red_flag_rules import clearly_not_urgent
    assert clearly_not_urgent(text) is expected
