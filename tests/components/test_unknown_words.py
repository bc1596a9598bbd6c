"""The unknown-words guard: gibberish and other languages go to the fallback."""

import marisa_trie
import pytest
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.unknown_words import UnknownWordsGuard, english_words, is_known, known_share, words


@pytest.fixture(scope="module")
def guard(tmp_path_factory):
    storage = LocalModelStorage(tmp_path_factory.mktemp("storage"))
    resource = Resource("unknown_words_guard")
    config = UnknownWordsGuard.get_default_config()
    trainer = UnknownWordsGuard.create(config, storage, resource, None)
    trainer.train(
        TrainingData(
            [
                Message(data={TEXT: "wen do i need 2 get there", INTENT: "ask_arrival"}),
                Message(data={TEXT: "vertebroplasty recovery thx", INTENT: "ask_recovery"}),
            ]
        )
    )
    return UnknownWordsGuard.load(config, storage, resource, None)


def classified(text, intent="thank", confidence=0.9):
    message = Message(data={TEXT: text})
    message.set(INTENT, {"name": intent, "confidence": confidence})
    message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": confidence}])
    return message


@pytest.mark.parametrize("text", ["¿Cuánto tiempo dura la recuperación?", "cuanto cuesta"])
def test_spanish_is_not_unknown_words(guard, text):
    """Issue 14: Spanish has a vocabulary now (spaCy's Spanish lemma table)."""
    assert guard.process([classified(text)])[0].get(INTENT)["name"] == "thank"


def test_training_words_survive_save_and_load(guard):
    assert {"wen", "vertebroplasty", "thx"} <= guard.training_words


def test_the_vocabulary_is_read_from_the_model_not_rebuilt(tmp_path, monkeypatch):
    """The whole vocabulary is stored in the model as a trie, so loading reads no lemma
    table (building them in every process was the largest part of the load's memory and time)."""
    import components.unknown_words as module

    storage, resource = LocalModelStorage(tmp_path), Resource("guard")
    config = UnknownWordsGuard.get_default_config()
    UnknownWordsGuard.create(config, storage, resource, None).train(
        TrainingData([Message(data={TEXT: "wen thx", INTENT: "thank"})])
    )
    monkeypatch.setattr(module, "build_vocabulary", lambda _: pytest.fail("rebuilt"))
    vocabulary = UnknownWordsGuard.load(config, storage, resource, None).vocabulary
    assert isinstance(vocabulary, marisa_trie.Trie)
    for word in ("wen", "thx", "recuperación", "recuperacion", "surgery", "warfarin"):
        assert word in vocabulary, word


def test_a_model_without_the_trie_builds_the_vocabulary(tmp_path):
    storage = LocalModelStorage(tmp_path)
    resource = Resource("old_guard")
    with storage.write_to(resource) as directory:
        (directory / "vocabulary.json").write_text('["wen"]')
    config = UnknownWordsGuard.get_default_config()
    old = UnknownWordsGuard.load(config, storage, resource, None)
    assert "wen" in old.vocabulary and "recuperación" in old.vocabulary
    assert old.process([classified("qwzx blorp vvv")])[0].get(INTENT)["name"] == "nlu_fallback"


@pytest.mark.parametrize(
    "text",
    [
        "x" * 5000,
        "qwzx blorp vvv",
        "jak długo trwa rekonwalescencja",
        "wie lange dauert das",
        "Wie lange dauert die Erholung?",
    ],
)
def test_unknown_words_go_to_the_fallback(guard, text):
    [message] = guard.process([classified(text)])
    assert message.get(INTENT)["name"] == "nlu_fallback"
    assert message.get(INTENT_RANKING_KEY)[0]["name"] == "nlu_fallback"
    assert "thank" in [r["name"] for r in message.get(INTENT_RANKING_KEY)]


@pytest.mark.parametrize(
    "text",
    [
        "wen do i need 2 get there",
        "how long is recovery?",
        "thx",
        "ok",
        "hello there",
        "what is a vertebroplasty",
        "my legs feel weird",
        "hellooo is this thing on",
        "thx sooo much",
        "pleeease help",
    ],
)
def test_known_words_keep_their_intent(guard, text):
    [message] = guard.process([classified(text)])
    assert message.get(INTENT)["name"] == "thank"


@pytest.mark.parametrize("text", ["😀😀", "", "123", "/ask_recovery"])
def test_no_words_or_payloads_are_left_alone(guard, text):
    [message] = guard.process([classified(text)])
    assert message.get(INTENT)["name"] == "thank"


def test_words_and_share():
    assert words("Hw LNG, is it?") == ["hw", "lng", "is", "it"]
    assert known_share("", {"a"}) is None
    assert known_share("a b", {"a"}) == 0.5


def test_a_held_down_letter_is_read_once_or_twice():
    vocabulary = {"hello", "so", "please", "all"}
    assert is_known("hellooo", vocabulary) and is_known("sooo", vocabulary)
    assert is_known("pleeeease", vocabulary) and is_known("alllll", vocabulary)
    assert not is_known("xxxxxx", vocabulary | {"x"})  # one letter is not a word
    assert not is_known("helo", vocabulary) and not is_known("blorppp", vocabulary)


def test_english_words_include_function_and_content_words():
    vocabulary = english_words()
    assert {"the", "what", "anyone", "surgery", "pain", "legs"} <= vocabulary
    assert "recuperación" not in vocabulary
