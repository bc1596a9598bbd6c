"""Names and thresholds that live in config.yml agree with the code and the domain."""

from rasa_sdk import Tracker

from actions import more_topics
from tests.helpers import component_config, load_yaml
from vertebro import names

POLICY = component_config("components.answer_plan_policy.AnswerPlanPolicy")
CLASSIFIER = component_config("components.intent_classifier.LinearIntentClassifier")


def test_one_confidence_threshold_for_understood():
    fallback = component_config("FallbackClassifier")["threshold"]
    assert CLASSIFIER["question_threshold"] == fallback
    assert component_config("components.red_flags.RedFlagDetector")["threshold"] == fallback
    assert component_config("components.same_reply.SameReplyIntents")["threshold"] == fallback


def test_intents_answered_alike_are_intents_answered_with_no_information(domain):
    """The groups of components/same_reply.py are intents whose answers both say so."""
    for group in component_config("components.same_reply.SameReplyIntents")["groups"]:
        assert set(group) <= set(domain["intents"])
        for intent in group:
            reply = domain["responses"][f"utter_{intent.removeprefix('ask_')}"][0]["text"]
            assert "don't have that information" in reply


def test_the_action_server_offers_what_the_policy_did_not_answer():
    """The policy answers `max_questions` of config.yml; the action offers the ones after."""
    limit = POLICY["max_questions"]
    asked = ["arrival", "recovery", "follow_up", "cement", "sedation"]
    tracker = Tracker.from_dict({"sender_id": "t", "latest_message": {names.QUESTIONS: asked}})
    titles = {name: name for name in asked}
    assert more_topics.remaining_topics(tracker, titles) == asked[limit:]


def test_policy_names_are_in_the_domain(domain):
    actions = set(domain["actions"]) | set(domain["responses"])
    assert POLICY["more_topics_action"] in actions
    assert POLICY["unclear_response"] in actions
    assert POLICY["next_step_intent"] in domain["intents"]
    assert POLICY["language_intent"] in domain["intents"]
    assert set(POLICY["step_order"]) <= set(domain["responses"])
    assert set(POLICY["step_after"]) | set(POLICY["step_after"].values()) <= set(
        domain["responses"]
    )


def test_classifier_names_are_intents(domain):
    intents = set(domain["intents"])
    assert set(CLASSIFIER["not_questions"]) <= intents
    assert (
        set(CLASSIFIER["question_aliases"]) | set(CLASSIFIER["question_aliases"].values())
        <= intents
    )


def test_safety_intents_are_in_the_domain_and_have_rules(domain):
    rules = load_yaml("data/rules.yml")["rules"]
    ruled = {step["intent"] for rule in rules for step in rule["steps"] if "intent" in step}
    for intent in names.SAFETY_INTENTS:
        assert intent in domain["intents"]
        assert intent in ruled
