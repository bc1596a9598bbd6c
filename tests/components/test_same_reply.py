"""Close intents answered alike do not make the assistant ask "did you mean"."""

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.same_reply import SameReplyIntents
from tests.helpers import component_config


def fell_back(ranking):
    """As the FallbackClassifier leaves an ambiguous or unsure message."""
    message = Message(data={TEXT: "x"})
    message.set(INTENT, {"name": "nlu_fallback", "confidence": 0.45})
    message.set(
        INTENT_RANKING_KEY,
        [{"name": "nlu_fallback", "confidence": 0.45}]
        + [{"name": n, "confidence": c} for n, c in ranking],
    )
    return message


def settled(ranking):
    """The intent after the component, configured as in config.yml."""
    component = SameReplyIntents(
        {
            **SameReplyIntents.get_default_config(),
            **component_config("components.same_reply.SameReplyIntents"),
        }
    )
    [message] = component.process([fell_back(ranking)])
    return message.get(INTENT)["name"]


def test_two_close_intents_answered_alike_give_the_first():
    assert settled([("ask_medical_advice", 0.5), ("out_of_scope", 0.43)]) == "ask_medical_advice"
    assert settled([("out_of_scope", 0.3), ("ask_medical_advice", 0.19)]) == "out_of_scope"


def test_other_pairs_and_little_confidence_still_fall_back():
    assert settled([("ask_medical_advice", 0.51), ("ask_blood_thinners", 0.44)]) == "nlu_fallback"
    assert settled([("ask_recovery", 0.4), ("out_of_scope", 0.38)]) == "nlu_fallback"
    assert settled([("out_of_scope", 0.2), ("ask_medical_advice", 0.1)]) == "nlu_fallback"


def test_the_threshold_has_no_default_in_the_code():
    with pytest.raises(ValueError, match="config.yml"):
        SameReplyIntents(SameReplyIntents.get_default_config())


def test_an_understood_message_is_left_alone():
    message = Message(data={TEXT: "x"})
    message.set(INTENT, {"name": "ask_recovery", "confidence": 0.9})
    message.set(INTENT_RANKING_KEY, [{"name": "ask_recovery", "confidence": 0.9}])
    [message] = SameReplyIntents(
        {**SameReplyIntents.get_default_config(), "threshold": 0.5}
    ).process([message])
    assert message.get(INTENT)["name"] == "ask_recovery"
