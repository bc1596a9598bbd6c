import pytest

from actions.follow_up_questions import TOPIC_OF_ANSWER, TURNS_BACK, ActionFindHowLongTopic
from tests.helpers import bot_event, user_event


async def topic_after(
    make_tracker, dispatcher, domain, history, text="and how long does that take?"
):
    tracker = make_tracker(text, "ask_how_long", history=history)
    events = await ActionFindHowLongTopic().run(dispatcher, tracker, domain)
    assert dispatcher.messages == []
    [event] = events
    return event["value"]


@pytest.mark.parametrize(
    "answer,topic",
    [
        ("utter_recovery", "recovery"),
        ("utter_incision_needle", "procedure"),
        ("utter_blood_thinners", "blood_thinners"),
        ("utter_cement", "cement"),
        ("utter_follow_up", "follow_up"),
    ],
)
async def test_topic_of_the_last_answer(make_tracker, dispatcher, domain, answer, topic):
    history = [user_event("q", "x"), bot_event(answer)]
    assert await topic_after(make_tracker, dispatcher, domain, history) == topic


async def test_most_recent_topic_wins(make_tracker, dispatcher, domain):
    history = [
        user_event("q", "x"),
        bot_event("utter_recovery"),
        user_event("q", "x"),
        bot_event("utter_cement"),
        user_event("thanks", "thank"),
        bot_event("utter_thank"),
    ]
    assert await topic_after(make_tracker, dispatcher, domain, history) == "cement"


@pytest.mark.parametrize(
    "turns_between,topic",
    [(TURNS_BACK - 1, "recovery"), (TURNS_BACK, None), (TURNS_BACK + 3, None)],
)
async def test_only_recent_answers_count(make_tracker, dispatcher, domain, turns_between, topic):
    history = [user_event("q", "x"), bot_event("utter_recovery")]
    history += [user_event("thanks", "thank"), bot_event("utter_thank")] * turns_between
    assert await topic_after(make_tracker, dispatcher, domain, history) == topic


async def test_no_topic_yet(make_tracker, dispatcher, domain):
    history = [user_event("hi", "greet"), bot_event("utter_greet")]
    assert await topic_after(make_tracker, dispatcher, domain, history) is None


@pytest.mark.parametrize(
    "text,topic",
    [
        ("how long does it take?", "procedure"),
        ("ok seriously how long will it take", "procedure"),
        ("how long?", None),  # a bare "how long?" still asks which part
        ("and how long is that", None),
        ("how long does it take after to go home", None),  # a time after it is not its length
    ],
)
async def test_with_nothing_before_it_is_the_procedure(
    make_tracker, dispatcher, domain, text, topic
):
    history = [user_event("hi", "greet"), bot_event("utter_greet")]
    assert await topic_after(make_tracker, dispatcher, domain, history, text) == topic
    # ...and after an answer with a topic, that topic still wins
    history = [user_event("q", "x"), bot_event("utter_recovery")]
    assert await topic_after(make_tracker, dispatcher, domain, history, text) == "recovery"


async def test_topic_does_not_cross_a_new_session(make_tracker, dispatcher, domain):
    history = [user_event("q", "x"), bot_event("utter_recovery"), {"event": "session_started"}]
    assert await topic_after(make_tracker, dispatcher, domain, history) is None


@pytest.mark.parametrize(
    "text",
    [
        "cant wait to get this vertebroplasty over with, how long does it take?",
        "ya quiero que me hagan el procedimiento, ¿cuánto dura?",
    ],
)
async def test_a_message_that_names_the_procedure_is_about_it(
    make_tracker, dispatcher, domain, text
):
    history = [user_event("q", "x"), bot_event("utter_recovery")]  # even after another answer
    assert await topic_after(make_tracker, dispatcher, domain, history, text) == "procedure"
    assert await topic_after(make_tracker, dispatcher, domain, [], text) == "procedure"


@pytest.mark.parametrize(
    "text,topic",
    [
        ("would it take longer with two bones", "multiple_fractures"),
        ("si son 3 vertebras cuanto dura el procedimiento?", "multiple_fractures"),
        ("and how long does it take to harden?", "cement"),
        ("¿y cuánto tarda en endurecerse?", "cement"),
        ("my wife will be bored stiff waiting in recovery, how many hours is it", "recovery"),
        ("jaja me voy a aburrir en la recuperación, ¿cuántas horas son?", "recovery"),
    ],
)
async def test_a_message_that_names_another_topic_is_about_it(
    make_tracker, dispatcher, domain, text, topic
):
    history = [user_event("q", "x"), bot_event("utter_what_is")]  # the procedure, before
    assert await topic_after(make_tracker, dispatcher, domain, history, text) == topic


async def test_a_time_before_or_after_the_procedure_is_not_its_length(
    make_tracker, dispatcher, domain
):
    text = "how long after the procedure do i stay?"
    history = [user_event("q", "x"), bot_event("utter_recovery")]
    assert await topic_after(make_tracker, dispatcher, domain, history, text) == "recovery"
    assert await topic_after(make_tracker, dispatcher, domain, [], text) is None


def test_every_topic_has_an_answer_in_the_domain(domain):
    slot_values = set(domain["slots"]["how_long_topic"]["values"])
    conditions = {
        c["value"]
        for v in domain["responses"]["utter_how_long"]
        for c in v.get("condition") or []
        if c["name"] == "how_long_topic"
    } - {None}
    assert set(TOPIC_OF_ANSWER.values()) == slot_values == conditions
    assert set(TOPIC_OF_ANSWER) <= set(domain["responses"])
