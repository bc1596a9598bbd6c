"""The linear intent classifier: same probabilities as scikit-learn, saved and loaded intact."""

import numpy as np
import pytest
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import hstack

from components.intent_classifier import LinearIntentClassifier, fit
from tests.helpers import component_config

EXAMPLES = {
    "greet": ["hello", "hi there", "good morning", "hey, anyone there?", "hiya"],
    "ask_recovery": [
        "how long is recovery",
        "when can I go back to normal",
        "how soon will I be back on my feet",
        "recovery time after the procedure",
        "when will I feel better after vertebroplasty",
    ],
    "ask_cement": [
        "what is the cement made of",
        "is bone cement safe to have inside",
        "why do they use cement",
        "what does the cement do",
        "does the cement harden in my spine",
    ],
    "out_of_scope": [
        "how much does it cost",
        "where do I park",
        "can I drive home",
        "what is the weather",
        "does insurance pay for this",
    ],
}
UNSEEN = [
    "hellooo",
    "how long until I recover??",
    "cement",
    "parking lot",
    "Verterboplasty recovry",
    "@@@",
    "x" * 300,
    "Hola, ¿cómo estás?",
]

# The defaults with config.yml's threshold, which the code does not default (graph_base.required).
CONFIG = {
    **LinearIntentClassifier.get_default_config(),
    "question_threshold": component_config("components.intent_classifier.LinearIntentClassifier")[
        "question_threshold"
    ],
}


def training_data():
    return TrainingData(
        [
            Message(data={TEXT: text, INTENT: intent})
            for intent, texts in EXAMPLES.items()
            for text in texts
        ]
    )


@pytest.fixture(scope="module")
def storage(tmp_path_factory):
    return LocalModelStorage(tmp_path_factory.mktemp("storage"))


@pytest.fixture(scope="module")
def trained(storage):
    resource = Resource("linear_intent_classifier")
    classifier = LinearIntentClassifier.create(CONFIG, storage, resource, None)
    classifier.train(training_data())
    return classifier, resource


@pytest.fixture(scope="module")
def loaded(storage, trained):
    _, resource = trained
    return LinearIntentClassifier.load(CONFIG, storage, resource, None)


def reference_probabilities(texts):
    """scikit-learn's own transform + predict_proba, fitted the same way."""
    data = training_data()
    word, char, regression = fit(
        [m.get(TEXT) for m in data.intent_examples],
        [m.get(INTENT) for m in data.intent_examples],
        CONFIG,
    )
    features = hstack([word.transform(texts), char.transform(texts)]).tocsr()
    return list(regression.classes_), regression.predict_proba(features)


@pytest.mark.parametrize("which", ["trained", "loaded"])
def test_probabilities_are_scikit_learns(which, trained, loaded):
    classifier = trained[0] if which == "trained" else loaded
    texts = [t for ts in EXAMPLES.values() for t in ts] + UNSEEN
    classes, expected = reference_probabilities(texts)
    assert classifier.classes == classes
    actual = np.array([classifier.probabilities(t) for t in texts])
    np.testing.assert_allclose(actual, expected, rtol=1e-9, atol=1e-12)


def test_training_examples_get_their_intent(loaded):
    for intent, texts in EXAMPLES.items():
        for text in texts:
            assert loaded.ranking(text)[0]["name"] == intent, text


def test_process_sets_intent_and_a_sorted_ranking(loaded):
    [message] = loaded.process([Message(data={TEXT: "how long is the recovery?"})])
    intent, ranking = message.get(INTENT), message.get(INTENT_RANKING_KEY)
    assert intent["name"] == "ask_recovery"
    assert ranking[0] == intent
    confidences = [r["confidence"] for r in ranking]
    assert confidences == sorted(confidences, reverse=True)
    assert {r["name"] for r in ranking} == set(EXAMPLES)
    assert sum(confidences) == pytest.approx(1.0)
    assert all(isinstance(c, float) for c in confidences)


def test_ranking_length_is_honoured(storage, trained):
    config = {**CONFIG, "ranking_length": 2}
    classifier = LinearIntentClassifier.load(config, storage, trained[1], None)
    assert len(classifier.ranking("hello")) == 2


def test_a_message_without_text_is_left_alone(loaded):
    [message] = loaded.process([Message(data={TEXT: ""})])
    assert message.get(INTENT) is None


def test_text_with_no_known_feature_still_gets_a_distribution(loaded):
    probabilities = loaded.probabilities("@@@ ###")
    assert probabilities.sum() == pytest.approx(1.0)
    assert np.all(probabilities > 0)


def test_one_intent_is_not_enough_to_train(storage):
    classifier = LinearIntentClassifier.create(CONFIG, storage, Resource("one_intent"), None)
    with pytest.raises(ValueError, match="at least two intents"):
        classifier.train(
            TrainingData(
                [
                    Message(data={TEXT: "hi", INTENT: "greet"}),
                    Message(data={TEXT: "hello", INTENT: "greet"}),
                ]
            )
        )


@pytest.fixture(scope="module")
def reader(storage, trained):
    """The trained classifier, configured to read several questions as config.yml does, with a
    threshold for this small training set."""
    _, resource = trained
    config = {
        **CONFIG,
        "question_threshold": 0.4,
        "not_questions": ["greet"],
        "question_aliases": {"ask_cement": "ask_cement_alias"},
    }
    return LinearIntentClassifier.load(config, storage, resource, None)


def test_each_question_of_a_message_is_read_in_order(reader):
    ranking, questions = reader.read("how much does it cost? and how long is recovery?")
    assert questions == ["out_of_scope", "ask_recovery"]
    assert ranking[0]["name"] == "out_of_scope"
    assert [r["name"] for r in ranking].count("ask_recovery") == 0  # one entry per question


def test_a_greeting_is_not_a_question_and_one_question_needs_no_plan(reader):
    ranking, questions = reader.read("hello there. how long is recovery?")
    assert questions == []
    assert ranking[0]["name"] == "ask_recovery"


def test_aliases_apply_among_several_questions(reader):
    _, questions = reader.read("how long is recovery? and what does the cement do?")
    assert questions == ["ask_recovery", "ask_cement_alias"]


def test_one_message_one_question_is_classified_whole(reader):
    ranking, questions = reader.read("how long is recovery")
    assert questions == []
    assert ranking == reader.ranking("how long is recovery")


def test_a_lead_in_is_not_what_a_question_is_read_by(reader):
    """ "I just want to know if ..." is read by its question, when that is clearer."""
    text = "i would like to know if how long is recovery"
    ranking, questions = reader.read(text)
    assert questions == []
    assert ranking == reader.ranking("how long is recovery")
    assert ranking[0]["confidence"] > reader.ranking(text)[0]["confidence"]


def test_a_message_read_as_a_symptom_keeps_its_clearest_other_part(storage, trained):
    """For the red-flag detector's overrule: the part about something else, asking first."""
    _, resource = trained
    config = {**CONFIG, "not_questions": ["greet"]}
    classifier = LinearIntentClassifier.load(config, storage, resource, None)
    reading = classifier.question_reading("hellooo hi there. how long is recovery?")
    assert reading == classifier.ranking("how long is recovery?")
    assert classifier.question_reading("how long is recovery") == []  # one part: nothing


class StoryReader(LinearIntentClassifier):
    """The classifier's reading of a message, with rankings given per part (a story's
    sentences read as out of scope, its question clearly but less surely than the whole)."""

    RANKINGS = {
        "how long is recovery?": [("ask_recovery", 0.8), ("out_of_scope", 0.2)],
        "is that a problem?": [("ask_blood_thinners", 0.6), ("out_of_scope", 0.4)],
    }

    def ranking(self, text):
        pairs = self.RANKINGS.get(text.strip().lower(), [("out_of_scope", 0.9), ("greet", 0.1)])
        return [{"name": n, "confidence": c} for n, c in pairs]


@pytest.fixture
def story_reader():
    config = {**CONFIG, "story_intents": ["out_of_scope"], "story_min_parts": 3}
    return StoryReader(config)


def test_a_story_read_as_out_of_scope_is_answered_by_its_question(story_reader):
    text = "I am 81 and my daughter set this up. She drives me on the day. How long is recovery?"
    ranking, questions = story_reader.read(text)
    assert ranking[0]["name"] == "ask_recovery"
    assert questions == []


def test_a_short_message_whose_question_points_back_is_read_whole(story_reader):
    ranking, _ = story_reader.read("I am allergic to contrast dye. Is that a problem?")
    assert ranking[0]["name"] == "out_of_scope"


def test_without_story_intents_the_clearer_whole_is_kept(story_reader):
    story_reader.config["story_intents"] = []
    text = "I am 81 and my daughter set this up. She drives me on the day. How long is recovery?"
    assert story_reader.read(text)[0][0]["name"] == "out_of_scope"
