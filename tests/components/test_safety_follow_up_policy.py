"""The safety follow-up policy: a message that goes on from "Call 911 now" or the crisis answer
gets that answer again; a new question, a thank-you or a new tier does not."""

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted

from components.safety_follow_up_policy import SafetyFollowUpPolicy
from tests.helpers import component_config
from tests.policy_helpers import bot, load_project, turn, user
from vertebro.names import SAFETY_TIER_KEY

CONFIG = {
    **SafetyFollowUpPolicy.get_default_config(),
    **component_config("components.safety_follow_up_policy.SafetyFollowUpPolicy"),
}


@pytest.fixture(scope="module")
def domain():
    return load_project()[0]


@pytest.fixture(scope="module")
def policy(tmp_path_factory):
    storage = LocalModelStorage(tmp_path_factory.mktemp("safety_follow_up"))
    context = ExecutionContext(GraphSchema({}), "test")
    return SafetyFollowUpPolicy.create(CONFIG, storage, Resource("safety"), context)


def after(answer, text="i fell in the shower and cant get up", intent="red_flag", tier="emergency"):
    """A turn answered with `answer`; `tier`: the safety tier whose patterns decided it (None:
    the classifier's guess alone)."""
    said = user(text, intent)
    if tier:
        said.parse_data["intent"][SAFETY_TIER_KEY] = tier
    return [
        said,
        ActionExecuted(answer),
        bot(answer),
        ActionExecuted(ACTION_LISTEN_NAME),
    ]


@pytest.mark.parametrize(
    "text,intent",
    [
        ("texting from the floor", "out_of_scope"),
        ("its dripping on the floor n wont stop", "nlu_fallback"),
        ("thats new since her back thing today", "warning_sign"),
        ("help", "help_menu"),
        ("empezo hace 10 min", "ask_who_performs"),  # no question: it goes on
    ],
)
def test_a_message_that_goes_on_from_an_emergency_gets_911_again(policy, domain, text, intent):
    assert turn(policy, domain, after("utter_red_flag"), user(text, intent)) == ["utter_red_flag"]


def test_a_message_that_goes_on_from_a_crisis_gets_the_crisis_answer_again(policy, domain):
    history = after("utter_crisis", "me volví a cortar anoche", "crisis", "crisis")
    message = user("y tengo ganas de hacerlo otra vez", "ask_follow_up")
    assert turn(policy, domain, history, message) == ["utter_crisis"]


@pytest.mark.parametrize(
    "text,intent",
    [
        ("thanks, calling them now", "thank"),
        ("ok. how long is recovery?", "ask_recovery"),  # a new question, understood
        ("my chest hurts now too", "red_flag"),  # a new emergency: its own rule
    ],
)
def test_a_thank_you_a_new_question_or_a_new_tier_is_left_alone(policy, domain, text, intent):
    assert turn(policy, domain, after("utter_red_flag"), user(text, intent)) is None


def test_a_crisis_the_classifier_guessed_alone_does_not_repeat_itself(policy, domain):
    history = after("utter_crisis", "lol im dead", "crisis", tier=None)
    message = user("ok but for real how long does it take", "ask_procedure_duration")
    assert turn(policy, domain, history, message) is None


def test_only_right_after_a_safety_answer(policy, domain):
    history = after("utter_recovery", "how long is recovery", "ask_recovery", tier=None)
    assert turn(policy, domain, history, user("texting from the floor", "out_of_scope")) is None
    assert turn(policy, domain, [], user("texting from the floor", "out_of_scope")) is None
