"""The spelling normaliser: shorthand and misspellings read as the project's words."""

import pytest

from components.normaliser import SpellingNormaliser
from components.spelling import Normaliser, vocabulary_counts
from tests.helpers import component_config

CONFIG = {
    **SpellingNormaliser.get_default_config(),
    **component_config("components.normaliser.SpellingNormaliser"),
}

TRAINING = [
    "how long is recovery",
    "will it hurt",
    "when is the follow up appointment",
    "do i have to stop my blood thinner",
    "how long does the procedure take",
    "will i be awake",
    "what happens after the procedure",
    "i am bleeding",
    "what time should i be there",
    "when can i go home from the hospital",
]


@pytest.fixture(scope="module")
def normaliser():
    return Normaliser(
        vocabulary_counts(TRAINING),
        max_edit_distance=CONFIG["max_edit_distance"],
        short_word=CONFIG["short_word"],
        min_word_length=CONFIG["min_word_length"],
    )


@pytest.mark.parametrize(
    "text,expected",
    [
        ("hw lng 4 recovry", "how long 4 recovery"),
        ("wil it hurtt", "will it hurt"),
        ("folow up apt when", "follow up appointment when"),
        ("do i hav 2 stop my blod thiner", "do i have 2 stop my blood thinner"),
        ("wat time shld i b there", "what time should i be there"),
        ("r u awak 4 it", "are you awake 4 it"),
        ("whn can i go hme from the hosptal", "when can i go home from the hospital"),
    ],
)
def test_shorthand_and_misspellings(normaliser, text, expected):
    assert normaliser.normalise(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "she had a stroke five years ago",  # "ago" is English, not "go"
        "arrive 2 to 4 hours before",  # numbers are never touched
        "my eliquis and warfarin",  # medicine names the entity ruler knows
        "margaret is my mother",  # known English words stay
        "xxxxx qqqq zzzz",  # gibberish stays gibberish
        "blorp quax vlem",  # ...even 2 edits from "blood"
    ],
)
def test_known_words_numbers_and_gibberish_are_left_alone(normaliser, text):
    assert normaliser.normalise(text) == text


def test_laughter_is_not_corrected_to_a_close_word():
    # "haha" is one edit from the Spanish "haga" of the training data; the joke must survive,
    # it tells the safety layer a message is not an emergency.
    speller = Normaliser(vocabulary_counts(TRAINING + ["haga lo que le digan", "a lot"]))
    for laugh in ("haha", "Hahaha", "hehe", "jaja", "lol", "lool", "lmao"):
        assert speller.normalise(f"my legs go weak {laugh}") == f"my legs go weak {laugh}"
    assert speller.normalise("hagga") == "haga"  # a real misspelling is still corrected


def test_punctuation_and_case_of_untouched_words_are_kept(normaliser):
    assert normaliser.normalise("Hello! How lng?") == "Hello! How long?"


def test_vocabulary_counts_words_only():
    assert vocabulary_counts(["a b b", "b 2 c"]) == {"a": 1, "b": 3, "c": 1}


def test_a_spanish_message_gets_spanish_shorthand_and_no_english_correction(normaliser):
    assert (
        normaliser.normalise("tngo q ir allá x la mañana", spanish=True)
        == "tengo que ir allá por la mañana"
    )
    assert normaliser.normalise("y cuanto dura", spanish=True) == "y cuanto dura"  # "y" is "and"
    assert normaliser.normalise("y does it hurt") == "why does it hurt"  # English shorthand
