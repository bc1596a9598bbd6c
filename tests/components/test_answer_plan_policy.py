"""The answer-plan policy: several questions, "and after that?", a bare reply to buttons."""

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted

from components.answer_plan_policy import AnswerPlanPolicy, rule_plans
from tests.helpers import component_config
from tests.policy_helpers import bot, load_project, turn, user

CONFIG = {
    **AnswerPlanPolicy.get_default_config(),
    **component_config("components.answer_plan_policy.AnswerPlanPolicy"),
}


@pytest.fixture(scope="module")
def project():
    return load_project()


@pytest.fixture(scope="module")
def policy(project, tmp_path_factory):
    domain, trackers = project
    storage = LocalModelStorage(tmp_path_factory.mktemp("policy"))
    resource = Resource("answer_plan_policy")
    context = ExecutionContext(GraphSchema({}), "test")
    trained = AnswerPlanPolicy.create(CONFIG, storage, resource, context)
    trained.train(trackers, domain)
    return AnswerPlanPolicy.load(CONFIG, storage, resource, context)  # as served


def test_plans_are_the_rules_actions(policy):
    assert policy.plans["ask_prepare"] == [
        "utter_prepare_intro",
        "utter_arrival",
        "utter_imaging",
        "utter_blood_thinners",
    ]
    assert policy.plans["ask_blood_thinners"] == [
        "action_identify_medication",
        "utter_blood_thinners",
    ]
    assert policy.plans["out_of_scope"] == ["utter_out_of_scope", "action_offer_call_button"]


def test_rule_plans_skip_rules_that_start_after_an_action(project):
    _, trackers = project
    assert all(plan for plan in rule_plans(trackers).values())
    assert "nlu_fallback" in rule_plans(trackers)


def test_every_question_is_answered_in_order(policy, project):
    domain, _ = project
    message = user(
        "how long does it take and when can i go home",
        "ask_procedure_duration",
        questions=["ask_procedure_duration", "ask_recovery"],
    )
    assert turn(policy, domain, [], message) == ["utter_procedure_duration", "utter_recovery"]


def test_an_answer_two_questions_share_is_given_once(policy, project):
    """How the cement gets in (the cut and needle, then the cement), and how fast it sets."""
    domain, _ = project
    message = user(
        "how does the cement get in and how fast does it set",
        "ask_cement_delivery",
        questions=["ask_cement_delivery", "ask_cement"],
    )
    assert turn(policy, domain, [], message) == ["utter_incision_needle", "utter_cement"]


def test_a_question_not_understood_is_said_not_dropped(policy, project):
    domain, _ = project
    message = user("...", "ask_sedation", questions=["ask_sedation", "unclear"])
    assert turn(policy, domain, [], message) == ["utter_sedation", "utter_question_unclear"]


def test_beyond_three_questions_the_rest_are_offered(policy, project):
    domain, _ = project
    message = user(
        "...",
        "ask_what_is",
        questions=["ask_what_is", "ask_who_performs", "ask_recovery", "ask_follow_up"],
    )
    assert turn(policy, domain, [], message) == [
        "utter_what_is",
        "utter_who_performs",
        "utter_recovery",
        "action_offer_more_topics",
    ]


def test_medicine_and_call_button_actions_keep_their_place(policy, project):
    domain, _ = project
    message = user("...", "ask_blood_thinners", questions=["ask_blood_thinners", "out_of_scope"])
    assert turn(policy, domain, [], message) == [
        "action_identify_medication",
        "utter_blood_thinners",
        "utter_out_of_scope",
        "action_offer_call_button",
    ]


def test_and_after_that_gives_the_next_step_of_the_page(policy, project):
    domain, _ = project
    history = [
        user("how do they put the needle in", "ask_incision_needle"),
        ActionExecuted("utter_incision_needle"),
        bot("utter_incision_needle"),
        ActionExecuted(ACTION_LISTEN_NAME),
    ]
    assert turn(policy, domain, history, user("and after that?", "ask_next_step")) == [
        "utter_cement"
    ]


def test_and_after_the_whole_procedure_comes_the_recovery(policy, project):
    domain, _ = project
    history = [
        user("how long is the procedure", "ask_procedure_duration"),
        ActionExecuted("utter_procedure_duration"),
        bot("utter_procedure_duration"),
        ActionExecuted(ACTION_LISTEN_NAME),
    ]
    assert turn(policy, domain, history, user("and after that?", "ask_next_step")) == [
        "utter_recovery"
    ]


def test_and_after_that_with_no_step_before_is_left_to_the_rules(policy, project):
    domain, _ = project
    assert turn(policy, domain, [], user("and after that?", "ask_next_step")) is None


def test_a_choice_of_language_after_an_answer_gives_that_answer_again(policy, project):
    domain, _ = project
    history = [
        user("what is a vertebroplasty", "ask_what_is"),
        ActionExecuted("utter_what_is"),
        bot("utter_what_is"),
        ActionExecuted(ACTION_LISTEN_NAME),
    ]
    assert turn(policy, domain, history, user("en español por favor", "choose_language")) == [
        "utter_what_is"
    ]
    # With nothing answered before, the rule answers (the greeting in that language).
    assert turn(policy, domain, [], user("español", "choose_language")) is None


def test_a_bare_reply_picks_the_button_just_offered(policy, project):
    domain, _ = project
    buttons = [
        {"title": "The procedure", "payload": "/ask_procedure_duration"},
        {"title": "Recovery", "payload": "/ask_recovery"},
    ]
    history = [
        user("how long does that take", "ask_how_long"),
        ActionExecuted("utter_how_long"),
        bot("utter_how_long", buttons),
        ActionExecuted(ACTION_LISTEN_NAME),
    ]
    assert turn(policy, domain, history, user("the procedure", "ask_what_is")) == [
        "utter_procedure_duration"
    ]
    assert turn(policy, domain, history, user("i want to know about cost", "out_of_scope")) is None


def test_one_question_and_safety_are_left_to_the_rules(policy, project):
    domain, _ = project
    assert turn(policy, domain, [], user("how long is recovery", "ask_recovery")) is None
    crisis = user("...", "crisis", questions=["ask_recovery", "ask_follow_up"])
    assert turn(policy, domain, [], crisis) is None


def after_the_follow_up_answer():
    return [
        user("is there a follow-up visit", "ask_follow_up"),
        ActionExecuted("utter_follow_up"),
        bot("utter_follow_up"),
        ActionExecuted(ACTION_LISTEN_NAME),
    ]


@pytest.mark.parametrize("text", ["how soon after", "y cuándo sería?", "ok when would that be"])
def test_a_short_time_question_not_understood_asks_about_the_last_answer(policy, project, text):
    domain, _ = project
    planned = turn(policy, domain, after_the_follow_up_answer(), user(text, "nlu_fallback"))
    assert planned == ["action_find_how_long_topic", "utter_how_long"]


def test_a_time_question_with_no_answer_before_or_a_long_one_is_left_to_the_rules(policy, project):
    domain, _ = project
    assert turn(policy, domain, [], user("how soon after", "nlu_fallback")) is None
    long_one = user("how soon after my grandson's wedding can i fly to see him", "nlu_fallback")
    assert turn(policy, domain, after_the_follow_up_answer(), long_one) is None
    not_time = user("what for tho", "nlu_fallback")
    assert turn(policy, domain, after_the_follow_up_answer(), not_time) is None


def after_the_section(intro, question, intent):
    return [
        user(question, intent),
        ActionExecuted(intro),
        bot(intro),
        ActionExecuted("utter_arrival"),
        bot("utter_arrival"),
        ActionExecuted(ACTION_LISTEN_NAME),
    ]


@pytest.mark.parametrize(
    "text,intent,section",
    [
        ("And during?", "ask_next_step", "ask_during"),
        ("¿y durante?", "nlu_fallback", "ask_during"),
        ("ok and after", "ask_next_step", "ask_after"),
        ("y despues? que pasa", "nlu_fallback", "ask_after"),
    ],
)
def test_a_section_named_bare_after_a_section_is_that_section(
    policy, project, text, intent, section
):
    domain, _ = project
    history = after_the_section("utter_prepare_intro", "how do i prepare", "ask_prepare")
    assert turn(policy, domain, history, user(text, intent)) == policy.plans[section]


def test_and_after_a_single_step_is_still_the_next_step(policy, project):
    domain, _ = project
    history = [
        user("what time do i arrive", "ask_arrival"),
        ActionExecuted("utter_arrival"),
        bot("utter_arrival"),
        ActionExecuted(ACTION_LISTEN_NAME),
    ]
    assert turn(policy, domain, history, user("and after?", "ask_next_step")) == ["utter_imaging"]
