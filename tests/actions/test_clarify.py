import pytest
from rasa_sdk.events import SlotSet

from actions.clarify import (
    ActionAssessUnclear,
    ActionOfferChoices,
    assess,
    suggested_intents,
)
from actions.labels import labels
from tests.helpers import bot_event, tel_link, user_event
from tests.helpers import domain as load_domain

DOMAIN = load_domain()


def unclear_tracker(make_tracker, ranking, history=None, unknown_words=False, **kwargs):
    tracker = make_tracker("recovry pain thing", "nlu_fallback", history=history, **kwargs)
    tracker.latest_message["intent"] = {"name": "nlu_fallback", "confidence": 0.6}
    if unknown_words:
        tracker.latest_message["intent"]["unknown_words"] = True
    tracker.latest_message["intent_ranking"] = [{"name": "nlu_fallback", "confidence": 0.6}] + [
        {"name": name, "confidence": confidence} for name, confidence in ranking
    ]
    return tracker


RANKING = [("ask_recovery", 0.4), ("greet", 0.3), ("ask_pain_relief", 0.2), ("ask_cement", 0.1)]


def test_suggests_the_two_likeliest_topics_skipping_chit_chat(make_tracker):
    assert suggested_intents(unclear_tracker(make_tracker, RANKING), DOMAIN) == [
        "ask_recovery",
        "ask_pain_relief",
    ]


def test_barely_possible_topics_are_not_suggested(make_tracker):
    tracker = unclear_tracker(make_tracker, [("ask_recovery", 0.01), ("ask_cement", 0.02)])
    assert suggested_intents(tracker, DOMAIN) == []
    assert assess(tracker, DOMAIN) == "unknown_words"


def test_first_unclear_message_suggests(make_tracker):
    assert assess(unclear_tracker(make_tracker, RANKING), DOMAIN) == "suggest"


def test_unclear_twice_in_a_row_hands_off(make_tracker):
    history = [user_event("zzz", "nlu_fallback"), bot_event("utter_not_sure")]
    assert assess(unclear_tracker(make_tracker, RANKING, history=history), DOMAIN) == "again"


def test_unclear_after_a_clear_question_suggests_again(make_tracker):
    history = [
        user_event("zzz", "nlu_fallback"),
        bot_event("utter_not_sure"),
        user_event("how long is recovery", "ask_recovery"),
        bot_event("utter_recovery"),
    ]
    assert assess(unclear_tracker(make_tracker, RANKING, history=history), DOMAIN) == "suggest"


def test_unknown_words_get_no_guesses(make_tracker):
    assert (
        assess(unclear_tracker(make_tracker, RANKING, unknown_words=True), DOMAIN)
        == "unknown_words"
    )


async def test_assess_sets_the_slot(make_tracker, dispatcher, domain):
    events = await ActionAssessUnclear().run(
        dispatcher, unclear_tracker(make_tracker, RANKING), domain
    )
    assert events == [SlotSet("unclear", "suggest")]
    assert dispatcher.messages == []


async def test_offer_choices_sends_topic_buttons(make_tracker, dispatcher, domain):
    tracker = unclear_tracker(make_tracker, RANKING, slots={"unclear": "suggest"})
    await ActionOfferChoices().run(dispatcher, tracker, domain)
    [message] = dispatcher.messages
    assert message["text"] == "Did you mean:"
    assert [b["payload"] for b in message["buttons"]] == ["/ask_recovery", "/ask_pain_relief"]
    assert [b["title"] for b in message["buttons"]] == ["Recovery and going home", "Pain relief"]


async def test_offer_choices_in_spanish(make_tracker, dispatcher, domain):
    tracker = unclear_tracker(make_tracker, RANKING, slots={"unclear": "suggest", "language": "es"})
    await ActionOfferChoices().run(dispatcher, tracker, domain)
    [message] = dispatcher.messages
    assert message["text"] == "¿Se refiere a:"
    assert [b["title"] for b in message["buttons"]] == [
        "Recuperación y regreso a casa",
        "Alivio del dolor",
    ]


@pytest.mark.parametrize("unclear", ["again", "unknown_words"])
async def test_offer_choices_otherwise_offers_the_call(
    make_tracker, dispatcher, domain, phone, unclear
):
    tracker = unclear_tracker(make_tracker, RANKING, slots={"unclear": unclear}, channel="socketio")
    await ActionOfferChoices().run(dispatcher, tracker, domain)
    [message] = dispatcher.messages
    assert message["buttons"][0]["url"] == tel_link(phone)


def test_every_suggestable_topic_is_a_domain_intent_in_both_languages(make_tracker, domain):
    english = labels(make_tracker(), domain)["topics"]
    spanish = labels(make_tracker(slots={"language": "es"}), domain)["topics"]
    assert set(english) <= set(domain["intents"])
    assert set(spanish) == set(english)


def test_not_sure_has_a_variation_for_each_assessment(domain):
    variations = domain["responses"]["utter_not_sure"]
    conditions = {
        c["value"] for v in variations for c in v.get("condition") or [] if c["name"] == "unclear"
    }
    assert conditions == {"suggest", "again", "unknown_words", None}
    assert any(not v.get("condition") for v in variations)
    assert set(domain["slots"]["unclear"]["values"]) == {"suggest", "again", "unknown_words"}
