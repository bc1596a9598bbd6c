"""Which language a message is in, English or Spanish, and when it changes the conversation's.
Pure Python, no Rasa (the Rasa component is components/language_detector.py).

- An explicit choice, as the whole message ("español", "spanish please", "english", "en
  inglés"), or the widget's and kiosk's language button (which sends the same words), always
  sets the language.
- Otherwise a message changes the conversation's language only when it is long enough
  (`min_words`) and the detector is sure (`min_confidence`), or longer (`long_words`) and
  fairly sure (`long_confidence`): "ok", "sí", "1" never do. Measured on the training data
  and the English dev sets' messages (not the held-out sets): at 0.8, none of 2,060 English
  messages reads as Spanish and 91% of the 1,673 Spanish ones do; at 0.7 "i'm suicidal" did.
- `guess()` is the detector's best language for any message of letters; the spelling normaliser
  and the safety layer use it to read one message (Spanish shorthand, Spanish safety patterns),
  without changing the conversation's language.

The detector is lingua (lingua-language-detector, Apache-2.0, maintained, offline models in the
wheel), restricted to English and Spanish: it is the most accurate offline detector on short
texts (its published benchmark) and answers in ~0.1 ms here. Its models are loaded once, when
the component loads, not on the first patient's message.
"""

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple, Optional, Text

ENGLISH, SPANISH = "en", "es"
LANGUAGES = (ENGLISH, SPANISH)

_CHOICES = {
    SPANISH: (
        "espanol",
        "en espanol",
        "spanish",
        "in spanish",
        "spanish please",
        "espanol por favor",
        "en espanol por favor",
        "hablo espanol",
        "habla espanol",
        "quiero espanol",
        "castellano",
    ),
    ENGLISH: (
        "english",
        "in english",
        "english please",
        "en ingles",
        "ingles",
        "ingles por favor",
        "en ingles por favor",
        "i speak english",
    ),
}
_CHOICE = {phrase: language for language, phrases in _CHOICES.items() for phrase in phrases}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


class Reading(NamedTuple):
    language: Optional[Text]  # the message's likeliest language (None: no letters)
    confidence: float  # the detector's confidence in it, 0-1
    sets_conversation: bool  # an explicit choice, or a long and sure message


def fold(text: Text) -> Text:
    """Lower case, accents and ¿¡ removed, spaces folded: "¿Español?" -> "espanol"."""
    text = unicodedata.normalize("NFKD", (text or "").lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[¿¡?!.,;:]+", " ", text).split())


def explicit_choice(text: Text) -> Optional[Text]:
    """The language the whole message asks for, if it is only a choice of language."""
    return _CHOICE.get(fold(text))


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    return (
        LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.SPANISH)
        .with_preloaded_language_models()
        .build()
    )


@lru_cache(maxsize=1)
def _spanish_only_words() -> frozenset:
    """Spanish function words that English does not have ("el", "los", "donde", "cuanto",
    "tiene"), folded: spaCy's Spanish stop-word list less its English one and any word that is
    also an English stop word once folded. spaCy's lists are maintained with the library the
    pipeline already loads; nothing is hand-listed here."""
    from spacy.lang.en.stop_words import STOP_WORDS as english
    from spacy.lang.es.stop_words import STOP_WORDS as spanish

    english_folded = {fold(word) for word in english}
    return (
        frozenset(fold(word) for word in spanish - english if len(word) > 1 and " " not in word)
        - english_folded
    )


def preload() -> None:
    _detector()
    _spanish_only_words()


# Marks only Spanish writes. lingua weighs letters and words, so a short question with a word
# it has not seen reads as unsure ("¿Qué es una vertebroplastia?": 0.79 Spanish). "¿", "¡" and
# "ñ" make a message Spanish; an accented vowel confirms a Spanish reading but does not make one
# (English writes "café", "José"). Measured on the training data and the dev sets' first
# messages (not the held-out sets): 60 more of 2,476 Spanish messages are read as sure at the
# first-message threshold, and no more of 2,881 English ones.
_SPANISH_MARK = re.compile(r"[¿¡ñÑ]")
_ACCENT = re.compile(r"[áéíóúüÁÉÍÓÚÜ]")
MARKED_CONFIDENCE = 0.95
# Written without marks ("donde me estaciono en el hospital? el parking es gratis?": 0.78), two
# different Spanish-only function words confirm a Spanish reading of a message of at least
# three words. Measured the same way: 43 more of 2,476 Spanish messages sure, none of 2,887
# English ones (nor of 358 English test phrasings) read as Spanish.
FUNCTION_WORDS = 2


def guess(text: Text) -> Reading:
    """The detector's reading of one message (never sets the conversation)."""
    if not _WORD.search(text or ""):
        return Reading(None, 0.0, False)
    best = _detector().compute_language_confidence_values(text)[0]
    language = ENGLISH if best.language.name == "ENGLISH" else SPANISH
    confidence = float(best.value)
    if _SPANISH_MARK.search(text) or (language == SPANISH and _confirmed(text)):
        if language != SPANISH:
            language, confidence = SPANISH, 0.0
        confidence = max(confidence, MARKED_CONFIDENCE)
    return Reading(language, confidence, False)


def _confirmed(text: Text) -> bool:
    """An accent, or Spanish-only function words, confirm a Spanish reading."""
    if _ACCENT.search(text):
        return True
    words = _WORD.findall(fold(text))
    return len(words) >= 3 and len(set(words) & _spanish_only_words()) >= FUNCTION_WORDS


def read(
    text: Text,
    min_words: int,
    min_confidence: float,
    long_words: int = 3,
    long_confidence: float = 0.8,
) -> Reading:
    """The message's language, and whether it sets the conversation's language."""
    chosen = explicit_choice(text)
    if chosen:
        return Reading(chosen, 1.0, True)
    if not text or text.startswith("/"):  # a button's payload: no words of the patient's
        return Reading(None, 0.0, False)
    reading = guess(text)
    count = len(_WORD.findall(text))
    sure = (count >= long_words and reading.confidence >= long_confidence) or (
        count >= min_words and reading.confidence >= min_confidence
    )
    return reading._replace(sets_conversation=bool(reading.language and sure))
