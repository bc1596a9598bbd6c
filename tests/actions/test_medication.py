from rasa_sdk.events import SlotSet

from actions.medication import ActionIdentifyMedication, canonical_names, named_medication
from tests.helpers import medication


async def run(make_tracker, dispatcher, domain, text, entities):
    tracker = make_tracker(text, "ask_blood_thinners", entities=entities)
    events = await ActionIdentifyMedication().run(dispatcher, tracker, domain)
    assert dispatcher.messages == []  # the answer is the domain response that follows
    return events


async def test_names_the_medicine_in_its_usual_spelling(make_tracker, dispatcher, domain):
    events = await run(
        make_tracker, dispatcher, domain, "i take elequis", [medication("elequis", 7)]
    )
    assert events == [SlotSet("medication", "Eliquis"), SlotSet("medication_named", True)]


async def test_brand_for_a_generic_name(make_tracker, dispatcher, domain):
    events = await run(make_tracker, dispatcher, domain, "on coumadin", [medication("coumadin", 3)])
    assert events == [SlotSet("medication", "Warfarin"), SlotSet("medication_named", True)]


async def test_two_medicines_are_both_named(make_tracker, dispatcher, domain):
    entities = [medication("plavix", 7), medication("baby aspirin", 18)]
    events = await run(make_tracker, dispatcher, domain, "i take plavix and baby aspirin", entities)
    assert events == [
        SlotSet("medication", "Plavix and Aspirin"),
        SlotSet("medication_named", True),
    ]


async def test_no_medicine_clears_the_slot(make_tracker, dispatcher, domain):
    tracker = make_tracker(
        "do i stop my blood thinner", "ask_blood_thinners", slots={"medication": "Eliquis"}
    )
    events = await ActionIdentifyMedication().run(dispatcher, tracker, domain)
    assert events == [SlotSet("medication", None), SlotSet("medication_named", False)]


def test_every_pattern_has_a_canonical_name():
    names = canonical_names()
    assert names["apixaban"] == "Eliquis"
    assert names["clopidogrel"] == "Plavix"
    assert all(value[0].isupper() for value in names.values())


def test_unknown_spelling_is_kept_as_typed(make_tracker):
    tracker = make_tracker(
        "i take fooxaban", "ask_blood_thinners", entities=[medication("Fooxaban", 7)]
    )
    assert named_medication(tracker) == "Fooxaban"


async def test_two_medicines_are_joined_in_the_conversations_language(
    make_tracker, dispatcher, domain
):
    entities = [medication("plavix", 8), medication("aspirina", 19)]
    tracker = make_tracker(
        "tomo el plavix y aspirina",
        "ask_blood_thinners",
        entities=entities,
        slots={"language": "es"},
    )
    events = await ActionIdentifyMedication().run(dispatcher, tracker, domain)
    assert events[0] == SlotSet("medication", "Plavix y Aspirin")
