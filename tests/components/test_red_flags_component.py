"""The Rasa component forces the red_flag intent over whatever the classifier said."""

from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.red_flags import RedFlagDetector
from tests.helpers import component_config
from vertebro.names import MESSAGE_LANGUAGE, QUESTION_READING, SAFETY_TIER_KEY


def classified(text, intent, confidence):
    message = Message(data={TEXT: text})
    message.set(INTENT, {"name": intent, "confidence": confidence})
    message.set(
        INTENT_RANKING_KEY,
        [{"name": intent, "confidence": confidence}, {"name": "red_flag", "confidence": 0.01}],
    )
    return message


def detector():
    """Configured as in config.yml (its threshold is the FallbackClassifier's)."""
    return RedFlagDetector(
        {
            **RedFlagDetector.get_default_config(),
            **component_config("components.red_flags.RedFlagDetector"),
        }
    )


def test_overrides_a_confident_other_intent():
    [message] = detector().process([classified("my mom cant feel her legs", "ask_sedation", 0.97)])
    assert message.get(INTENT)["name"] == "red_flag"
    assert message.get(INTENT)["confidence"] == 1.0
    assert message.get(INTENT)[SAFETY_TIER_KEY] == "emergency"  # the patterns read it
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


def ranked(text, ranking):
    message = Message(data={TEXT: text})
    message.set(INTENT, {"name": ranking[0][0], "confidence": ranking[0][1]})
    message.set(INTENT_RANKING_KEY, [{"name": n, "confidence": c} for n, c in ranking])
    return message


def test_overrules_the_classifier_for_a_clear_lookalike_question():
    message = ranked(
        "do you x-ray my chest too?",
        [("red_flag", 0.6), ("ask_incision_needle", 0.3), ("out_of_scope", 0.1)],
    )
    [message] = detector().process([message])
    assert message.get(INTENT)["name"] == "nlu_fallback"  # next best is not confident


def test_overruled_lookalike_takes_a_confident_next_intent():
    message = ranked(
        "can the procedure cause numbness in my legs?", [("red_flag", 0.3), ("out_of_scope", 0.6)]
    )
    [message] = detector().process([message])
    assert message.get(INTENT)["name"] == "out_of_scope"


def test_an_idiom_does_not_keep_the_classifiers_crisis():
    """An idiom ("just killing time") is no sign of now: the classifier's crisis is overruled."""
    message = ranked(
        "Just killing time in the lobby. How long do I stay after?",
        [("crisis", 0.6), ("ask_recovery", 0.25)],
    )
    [message] = detector().process([message])
    assert message.get(INTENT)["name"] == "nlu_fallback"  # the next best is not confident
    message = ranked(
        "I am just so tired of everything. How long do I stay after?",
        [("crisis", 0.6), ("ask_recovery", 0.25)],
    )
    [message] = detector().process([message])
    assert message.get(INTENT)["name"] == "crisis"  # no idiom: kept when in doubt


def test_keeps_the_classifiers_red_flag_when_in_doubt():
    message = ranked("something is really wrong with my back", [("red_flag", 0.7), ("greet", 0.3)])
    [message] = detector().process([message])
    assert message.get(INTENT)["name"] == "red_flag"


def test_a_fallback_with_the_words_of_a_symptom_goes_to_the_care_team():
    message = ranked("ugh so sore idk wat 2 do", [("nlu_fallback", 0.6), ("ask_cement", 0.2)])
    [message] = detector().process([message])
    assert message.get(INTENT)["name"] == "warning_sign"


def test_a_fallback_with_the_words_of_a_crisis_gets_988():
    message = ranked("everything is pointless now", [("nlu_fallback", 0.6), ("greet", 0.2)])
    [message] = detector().process([message])
    assert message.get(INTENT)["name"] == "crisis"
    assert SAFETY_TIER_KEY not in message.get(INTENT)  # a doubt, not a crisis the patterns read


def test_an_understood_message_or_a_question_ahead_is_not_doubted():
    message = ranked("how long does the cement take to set", [("ask_cement", 0.9)])
    [message] = detector().process([message])
    assert message.get(INTENT)["name"] == "ask_cement"
    message = ranked("what if my legs go weak later", [("nlu_fallback", 0.6)])
    [message] = detector().process([message])
    # No safety tier: a symptom that may come gets "I don't have that information" instead.
    assert message.get(INTENT)["name"] == "out_of_scope"


def test_a_fallback_question_about_the_procedure_is_not_doubted():
    for text in (
        "is there much bleeding from the incision?",
        "how much blood do you take for the lab tests?",
        "i had chest pain last year, do i need to tell the doctor?",
    ):
        [message] = detector().process([ranked(text, [("nlu_fallback", 0.6)])])
        assert message.get(INTENT)["name"] == "nlu_fallback", text


def in_spanish(message):
    message.set(MESSAGE_LANGUAGE, {"name": "es", "confidence": 0.99})
    return message


def test_a_spanish_question_ahead_does_not_keep_the_classifiers_red_flag():
    message = ranked(
        "por si acaso, que pasa si se me duermen las piernas despues? no tengo nada, nomas pregunto",
        [("red_flag", 0.6), ("out_of_scope", 0.25)],
    )
    [message] = detector().process([in_spanish(message)])
    assert message.get(INTENT)["name"] == "nlu_fallback"  # overruled; the next is not confident
    # Read by the Spanish rules: a bare "?" is no "what if", so the classifier's red flag stays
    # (the English rules would have overruled it: they cannot see a Spanish "now").
    message = ranked("es normal que no sienta las piernas?", [("red_flag", 0.6), ("greet", 0.3)])
    [message] = detector().process([in_spanish(message)])
    assert message.get(INTENT)["name"] == "red_flag"


def test_an_overruled_lookalike_is_answered_by_its_question():
    """The classifier read the whole story as a red flag, its question as blood thinners."""
    message = ranked(
        "had chest pains back in the spring but it was heartburn. do i stop my plavix before?",
        [("red_flag", 0.6), ("ask_arrival", 0.2)],
    )
    message.set(QUESTION_READING, [{"name": "ask_blood_thinners", "confidence": 0.85}])
    [message] = detector().process([message])
    assert message.get(INTENT)["name"] == "ask_blood_thinners"
    unsure = ranked("do you x-ray my chest too?", [("red_flag", 0.6), ("ask_arrival", 0.3)])
    unsure.set(QUESTION_READING, [{"name": "ask_imaging", "confidence": 0.3}])
    [unsure] = detector().process([unsure])
    assert unsure.get(INTENT)["name"] == "nlu_fallback"  # an unsure reading is not used


def test_a_question_about_a_symptom_that_may_come_gets_no_information_and_the_line():
    """Not understood, but asking "what if" about a symptom: the page lists none."""
    message = ranked(
        "what happens if i start bleeding once im home?",
        [("nlu_fallback", 0.45), ("out_of_scope", 0.32), ("red_flag", 0.25)],
    )
    [message] = detector().process([message])
    assert message.get(INTENT)["name"] == "out_of_scope"
    spanish = ranked(
        "que hago si siento las piernas dormidas despues, ya en la casa?",
        [("nlu_fallback", 0.45), ("ask_after", 0.3)],
    )
    spanish.set(MESSAGE_LANGUAGE, {"name": "es", "confidence": 0.95})
    [spanish] = detector().process([spanish])
    assert spanish.get(INTENT)["name"] == "out_of_scope"


def test_a_symptom_now_or_a_question_without_one_is_not_a_possible_symptom():
    now = ranked("what if this bleeding right now doesnt stop", [("nlu_fallback", 0.45)])
    [now] = detector().process([now])
    assert now.get(INTENT)["name"] != "out_of_scope"
    other = ranked("what if i miss my appointment", [("nlu_fallback", 0.45)])
    [other] = detector().process([other])
    assert other.get(INTENT)["name"] == "nlu_fallback"
