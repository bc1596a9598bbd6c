"""Which language a message is in, and when it changes the conversation's (issue 14)."""

from pathlib import Path

import pytest

from components import languages
from tests.helpers import ROOT, component_config
from tests.test_nlu_data import examples

DETECTOR = component_config("components.language_detector.LanguageDetector")
FIRST = component_config("components.language_policy.LanguagePolicy")["first_message_confidence"]


def read(text):
    return languages.read(
        text,
        DETECTOR["min_words"],
        DETECTOR["min_confidence"],
        DETECTOR["long_words"],
        DETECTOR["long_confidence"],
    )


@pytest.mark.parametrize(
    "text,language",
    [
        ("Español", "es"),
        ("en español por favor", "es"),
        ("ESPANOL", "es"),
        ("spanish please", "es"),
        ("English", "en"),
        ("en inglés", "en"),
        ("¿Cuánto tiempo dura la recuperación?", "es"),
        ("how long is recovery after the procedure", "en"),
        ("no siento las piernas", "es"),
    ],
)
def test_a_choice_or_a_long_sure_message_sets_the_language(text, language):
    reading = read(text)
    assert reading.sets_conversation and reading.language == language


@pytest.mark.parametrize(
    "text", ["ok", "sí", "si", "1", "no", "gracias", "/ask_recovery", "", "👍"]
)
def test_short_messages_never_switch_a_conversation(text):
    assert not read(text).sets_conversation


@pytest.mark.parametrize(
    "text,expected",
    [
        # Marks only Spanish writes make a short Spanish question sure (lingua alone: ~0.79).
        ("¿Qué es una vertebroplastia?", "es"),
        ("¡Ayúdeme por favor!", "es"),
        ("mañana me la hacen", "es"),
        # An accent does not make English Spanish: only a Spanish reading is confirmed by it.
        ("José is my name, when do I arrive", "en"),
        # Without marks, two Spanish-only function words confirm a Spanish reading (lingua
        # alone: 0.78 and 0.53) ...
        ("donde me estaciono en el hospital? el parking es gratis?", "es"),
        ("q es la vertebroplastia xfa", "es"),
        # ... but one does not, and English with Spanish names stays English.
        ("is el camino real near the hospital", "es-unsure"),
        ("my son is taking me, the final total was paid", "en"),
    ],
)
def test_spanish_marks_settle_a_short_message(text, expected):
    reading = languages.guess(text)
    assert reading.language == expected.split("-")[0]
    if expected == "es":
        assert reading.confidence >= FIRST
    elif expected == "es-unsure":
        assert reading.confidence < FIRST


def english_training_examples():
    return [
        t
        for p in sorted((ROOT / "data" / "nlu").glob("*.yml"))
        if p.name != "choose_language.yml"
        for _, t in examples(Path(p))
    ]


def test_no_english_training_example_reads_as_spanish():
    """At the configured thresholds no English example would switch a conversation, or set
    the first message's language, to Spanish (measured: components/languages.py)."""
    wrong = []
    for text in english_training_examples():
        reading = languages.guess(text)
        if reading.language == "es" and reading.confidence >= min(
            FIRST, DETECTOR["long_confidence"]
        ):
            wrong.append((text, round(reading.confidence, 2)))
    assert wrong == []


def test_most_spanish_training_examples_read_as_spanish():
    spanish = [
        t
        for p in sorted((ROOT / "data" / "nlu" / "es").glob("*.yml"))
        for _, t in examples(Path(p))
    ]
    sure = [languages.guess(t) for t in spanish]
    share = sum(r.language == "es" and r.confidence >= FIRST for r in sure) / len(sure)
    assert share >= 0.85, share


def test_fold():
    assert languages.fold("¿Español?") == "espanol"
    assert languages.explicit_choice("  Español!! ") == "es"
    assert languages.explicit_choice("español y ¿cuánto dura?") is None
