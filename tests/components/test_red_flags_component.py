"""The Rasa component forces the red_flag intent over whatever the classifier said."""
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.red_flags import RedFlagDetector


def classified(text, intent, confidence):
    message = Message(data={TEXT: text})
    message.set(INTENT, {"name": intent, "confidence": confidence})
    message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": confidence},
                                     {"name": "red_flag", "confidence": 0.01}])
    return message


def detector():
    return RedFlagDetector(RedFlagDetector.get_default_config())


def test_overrides_a_confident_other_intent():
    [message] = detector().process([classified("my mom cant feel her legs", "ask_sedation", 0.97)])
    assert message.get(INTENT)["name"] == "red_flag"
    assert message.get(INTENT)["confidence"] == 1.0
    ranking = message.get(INTENT_RANKING_KEY)
    assert ranking[0]["name"] == "red_flag"
    assert [r["name"] for r in ranking].count("red_flag") == 1


def test_overrides_the_fallback():
    [message] = detector().process([classified("chest pain rn", "nlu_fallback", 0.3)])
    assert message.get(INTENT)["name"] == "red_flag"


def test_leaves_ordinary_questions_alone():
    [message] = detector().process([classified("will i be awake", "ask_sedation", 0.9)])
    assert message.get(INTENT)["name"] == "ask_sedation"


def test_never_lowers_a_red_flag_from_the_classifier():
    [message] = detector().process([classified("something feels very wrong", "red_flag", 0.8)])
    assert message.get(INTENT)["name"] == "red_flag"


def test_button_payloads_are_not_read_as_symptoms():
    [message] = detector().process([classified("/ask_sedation", "ask_sedation", 1.0)])
    assert message.get(INTENT)["name"] == "ask_sedation"
