"""storage/tracker_store.py against Rasa's own SQLTrackerStore, on real SQLite files."""

import json
import random
import sqlite3

import pytest
import rasa.core.agent
from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    AllSlotsReset,
    BotUttered,
    DefinePrevUserUtteredFeaturization,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUttered,
)

import storage.tracker_store
from storage.tracker_store import (
    DEFAULT_MAX_EVENTS,
    FailClosedTrackerStore,
    TrackerStoreUnavailable,
    WindowedSQLTrackerStore,
)
from tests.helpers import ROOT
from vertebro import rasa_patches

INTENTS = ["ask_recovery", "ask_sedation", "greet", "ask_blood_thinners"]


@pytest.fixture(scope="module")
def domain():
    return Domain.load(str(ROOT / "domain.yml"))


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "tracker.db")


@pytest.fixture
def store(domain, db):
    return WindowedSQLTrackerStore(domain, dialect="sqlite", db=db, max_events=30)


def rasa_store(domain, db):
    return SQLTrackerStore(domain, dialect="sqlite", db=db)


def turn_events(k):
    """One turn as Rasa logs it: the user, the answer, listening again (+ a slot every 3rd)."""
    intent = INTENTS[k % len(INTENTS)]
    events = [
        UserUttered(f"question {k}", {"name": intent, "confidence": 0.9}),
        ActionExecuted(f"utter_{intent}"),
        BotUttered(f"answer {k}"),
        ActionExecuted("action_listen"),
    ]
    if k % 3 == 0:
        events.insert(1, SlotSet("how_long_topic", ["recovery", "procedure"][k % 2]))
    if k == 2:
        events.insert(1, SlotSet("medication", "Eliquis"))
    return events


async def talk(store, sender, turns, start=0, turn=turn_events):
    """`turns` turns through the store the way Rasa's processor uses it: read, add, save.
    `turn(k)`: the events of turn k."""
    for k in range(start, start + turns):
        tracker = await store.get_or_create_tracker(sender, append_action_listen=False)
        if not tracker.events:
            for event in [
                ActionExecuted("action_session_start"),
                SessionStarted(),
                SlotSet("phone", "847.570.2160"),
                ActionExecuted("action_listen"),
            ]:
                tracker.update(event)
        for event in turn(k):
            tracker.update(event)
        await store.save(tracker)
    return tracker


def new_tracker(store, sender):
    """A tracker with one event not stored yet."""
    tracker = store.init_tracker(sender)
    tracker.update(ActionExecuted("action_listen"))
    return tracker


def break_database(db):
    with sqlite3.connect(db) as connection:
        connection.execute("DROP TABLE events")


def stored_rows(db, sender):
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT type_name, intent_name, action_name, data FROM events WHERE sender_id=? "
            "ORDER BY id",
            (sender,),
        ).fetchall()


async def test_a_short_conversation_reads_back_exactly_as_rasas_store_reads_it(store, domain, db):
    await talk(store, "short", 3)
    ours = await store.retrieve("short")
    theirs = await rasa_store(domain, db).retrieve("short")
    assert [e.as_dict() for e in ours.events] == [e.as_dict() for e in theirs.events]


async def test_rows_are_the_rows_rasas_store_writes(store, domain, tmp_path):
    other = tmp_path / "rasa.db"
    await talk(store, "same", 12)
    await talk(rasa_store(domain, str(other)), "same", 12)
    ours, theirs = stored_rows(store.engine.url.database, "same"), stored_rows(str(other), "same")
    assert len(ours) == len(theirs) > 30
    for mine, rasas in zip(ours, theirs):
        assert mine[:3] == rasas[:3]
        mine_data, rasa_data = json.loads(mine[3]), json.loads(rasas[3])
        mine_data.pop("timestamp"), rasa_data.pop("timestamp")
        assert mine_data == rasa_data


async def test_a_long_conversation_stores_every_event_and_replays_a_window(store, domain, db):
    turns = 40
    await talk(store, "long", turns)
    rows = stored_rows(db, "long")
    assert len(rows) == 4 + turns * 4 + len(range(0, turns, 3)) + 1  # nothing lost, no doubles

    window = await store.retrieve("long")
    full = await rasa_store(domain, db).retrieve("long")
    assert len(full.events) == len(rows) - 1  # Rasa's query starts at SessionStarted
    assert len(window.events) <= store.max_events + len(domain.slots)
    # The window starts with the slot values, then a whole turn.
    events = list(window.events)
    first_turn = next(i for i, e in enumerate(events) if not isinstance(e, SlotSet))
    assert isinstance(events[first_turn], ActionExecuted)
    assert events[first_turn].action_name == "action_listen"
    assert isinstance(events[first_turn + 1], UserUttered)
    # What Rasa and the actions read from the tracker is the same as from the full session.
    assert window.current_slot_values() == full.current_slot_values()
    assert window.current_slot_values()["medication"] == "Eliquis"  # set in turn 3 of 40
    assert window.latest_message.text == full.latest_message.text
    assert window.latest_action_name == full.latest_action_name
    assert list(full.events)[-len(events) + first_turn :] == events[first_turn:]
    states_window = window.past_states(domain)
    states_full = full.past_states(domain)
    assert states_window[-6:] == states_full[-6:]


async def test_the_window_is_counted_in_turns(domain, db):
    store = WindowedSQLTrackerStore(domain, dialect="sqlite", db=db, max_turns=3)
    for turns in (1, 2, 3, 4, 10, 30):
        await talk(store, f"turns-{turns}", turns)
        window = await store.retrieve(f"turns-{turns}")
        users = [e.text for e in window.events if isinstance(e, UserUttered)]
        assert users == [f"question {k}" for k in range(max(0, turns - 3), turns)]


async def test_a_save_after_a_windowed_read_adds_only_the_new_events(store, db):
    await talk(store, "add", 30)
    before = stored_rows(db, "add")
    await talk(store, "add", 1, start=30)
    after = stored_rows(db, "add")
    assert after[: len(before)] == before
    added = [(row[0], json.loads(row[3])["event"]) for row in after[len(before) :]]
    assert added == [(e.type_name, e.type_name) for e in turn_events(30)]


async def test_saving_the_same_tracker_twice_stores_nothing_twice(store, db):
    tracker = await talk(store, "twice", 2)
    count = len(stored_rows(db, "twice"))
    await store.save(tracker)
    assert len(stored_rows(db, "twice")) == count
    tracker.update(UserUttered("one more", {"name": "greet", "confidence": 1.0}))
    await store.save(tracker)
    assert len(stored_rows(db, "twice")) == count + 1


async def test_slots_before_a_restart_are_not_brought_back(store, db):
    await talk(store, "restart", 3)
    tracker = await store.retrieve("restart")
    assert tracker.get_slot("medication") == "Eliquis"
    tracker.update(Restarted())
    tracker.update(ActionExecuted("action_listen"))
    await store.save(tracker)
    await talk(store, "restart", 30, start=3)
    tracker = await store.retrieve("restart")
    assert tracker.get_slot("medication") is None


async def test_a_new_session_in_the_window_starts_the_tracker_there(store, db):
    await talk(store, "sessions", 30)
    tracker = await store.retrieve("sessions")
    for event in [
        ActionExecuted("action_session_start"),
        SessionStarted(),
        SlotSet("phone", "847.570.2160"),
        ActionExecuted("action_listen"),
    ]:
        tracker.update(event)
    await store.save(tracker)
    tracker = await store.retrieve("sessions")
    assert [e.type_name for e in tracker.events] == ["session_started", "slot", "action"]
    assert tracker.get_slot("medication") is None


async def test_an_unknown_conversation_is_none(store):
    assert await store.retrieve("nobody") is None


def test_the_window_must_cover_the_policies(domain, db):
    with pytest.raises(ValueError, match="at least 10"):
        WindowedSQLTrackerStore(domain, dialect="sqlite", db=db, max_events=5)
    assert WindowedSQLTrackerStore(domain, dialect="sqlite", db=db).max_events == DEFAULT_MAX_EVENTS


def test_sqlite_runs_in_wal_mode(store, db):
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL


async def test_a_broken_database_raises_instead_of_answering_from_memory(store, db):
    await talk(store, "broken", 1)
    break_database(db)
    with pytest.raises(TrackerStoreUnavailable):
        await store.retrieve("broken")
    with pytest.raises(TrackerStoreUnavailable):
        await store.save(new_tracker(store, "broken"))


async def test_the_agent_wraps_this_store_so_errors_reach_the_channel(store, db, monkeypatch):
    monkeypatch.setattr(rasa.core.agent, "FailSafeTrackerStore", FailSafeTrackerStore)
    rasa_patches._refuse_turns_when_the_store_fails()
    wrapped = rasa.core.agent.Agent._create_tracker_store(store, store.domain)
    assert isinstance(wrapped, FailClosedTrackerStore)
    await talk(wrapped, "wrapped", 1)
    assert (await wrapped.retrieve("wrapped")).latest_message.text == "question 0"
    break_database(db)
    with pytest.raises(TrackerStoreUnavailable):
        await wrapped.get_or_create_tracker("wrapped")
    with pytest.raises(TrackerStoreUnavailable):
        await wrapped.save(new_tracker(store, "new"))


async def test_rasas_own_wrapper_would_have_answered_from_memory(store, db):
    """Why the wrapper is replaced: Rasa's hides the failure and keeps the turn in memory."""
    rasas = FailSafeTrackerStore(store)
    break_database(db)
    tracker = await rasas.get_or_create_tracker("lost")
    assert tracker is not None and await rasas.retrieve("lost") is None


@pytest.mark.parametrize("endpoints", ["endpoints.yml", "endpoints.scale.yml"])
async def test_the_configured_window_holds_what_the_follow_up_question_reads(domain, db, endpoints):
    """actions/follow_up_questions.py reads the answers to the last TURNS_BACK messages; the
    window must hold them even when every turn is as long as the longest one here (9 events: a
    not-understood message with its did-you-mean buttons)."""
    from actions.follow_up_questions import TURNS_BACK
    from tests.helpers import load_yaml

    config = load_yaml(endpoints)["tracker_store"]
    store = WindowedSQLTrackerStore(
        domain,
        dialect="sqlite",
        db=db,
        max_turns=config["max_turns"],
        max_events=config["max_events"],
    )
    longest_turn = [
        UserUttered("asdf", {"name": "nlu_fallback", "confidence": 0.3}),
        DefinePrevUserUtteredFeaturization(False),
        ActionExecuted("action_assess_unclear"),
        SlotSet("unclear", "suggest"),
        ActionExecuted("utter_not_sure"),
        BotUttered("not sure"),
        ActionExecuted("action_offer_choices"),
        BotUttered("did you mean"),
        ActionExecuted("action_listen"),
    ]
    tracker = await talk(store, "worst", 1)
    for _ in range(20):
        for event in longest_turn:
            tracker.update(event)
    await store.save(tracker)
    window = await store.retrieve("worst")
    users = [e for e in window.events if isinstance(e, UserUttered)]
    # Read before the new message is added: the TURNS_BACK messages before it must be there.
    assert len(users) >= TURNS_BACK


def a_turn_that_sets_slots(k, rng):
    """A turn with random slot values, now and then a slot reset or a restart."""
    events = turn_events(k)
    for name in rng.sample(["medication", "how_long_topic", "unclear"], rng.randint(0, 2)):
        events.insert(1, SlotSet(name, f"{name}-{k}"))
    roll = rng.random()
    if roll < 0.05:
        events.insert(1, AllSlotsReset())
    elif roll < 0.08:
        events.insert(1, Restarted())
    return events


def talk_with_slots(store, sender, turns, rng, start=0):
    return talk(store, sender, turns, start, turn=lambda k: a_turn_that_sets_slots(k, rng))


async def test_remembered_slot_values_are_the_databases(domain, db):
    """The slot values before the window are carried from turn to turn; after every turn
    they must be what the database says (a store that remembers nothing) and what Rasa's
    full replay gives."""
    rng = random.Random(7)
    store = WindowedSQLTrackerStore(domain, dialect="sqlite", db=db, max_turns=3, max_events=30)
    for k in range(120):
        await talk_with_slots(store, "slots", 1, rng, start=k)
        with_memory = store._window("slots")
        forgetful = WindowedSQLTrackerStore(
            domain, dialect="sqlite", db=db, max_turns=3, max_events=30
        )
        assert with_memory == forgetful._window("slots"), f"turn {k}"
        window = await store.retrieve("slots")
        full = await rasa_store(domain, db).retrieve("slots")
        assert window.current_slot_values() == full.current_slot_values(), f"turn {k}"
    # The values were mostly brought forward, not queried (a query after each restart or a
    # new session: the window holds the whole session again for a few turns).
    assert 0 < store.slot_queries < 30


async def test_slot_values_are_read_again_after_a_gap(domain, db):
    """Another replica (or a long gap) wrote more events than one read brings back: the
    remembered values cannot be brought forward, so the database is asked."""
    rng = random.Random(11)
    ours = WindowedSQLTrackerStore(domain, dialect="sqlite", db=db, max_events=30)
    other = WindowedSQLTrackerStore(domain, dialect="sqlite", db=db, max_events=30)
    await talk_with_slots(ours, "gap", 8, rng)
    await ours.retrieve("gap")
    await talk_with_slots(other, "gap", 15, rng, start=8)  # > 30 events
    queries = ours.slot_queries
    window = await ours.retrieve("gap")
    assert ours.slot_queries == queries + 1
    full = await rasa_store(domain, db).retrieve("gap")
    assert window.current_slot_values() == full.current_slot_values()
    fresh = WindowedSQLTrackerStore(domain, dialect="sqlite", db=db, max_events=30)
    assert ours._window("gap") == fresh._window("gap")


async def test_slot_memory_is_bounded(domain, db, monkeypatch):
    monkeypatch.setattr(storage.tracker_store, "SLOT_MEMORY_SIZE", 3)
    store = WindowedSQLTrackerStore(domain, dialect="sqlite", db=db, max_turns=2, max_events=30)
    for n in range(5):
        await talk(store, f"sender-{n}", 4)
        await store.retrieve(f"sender-{n}")
    assert list(store._slots_before) == ["sender-2", "sender-3", "sender-4"]


# --- identifiers never at rest (storage/redaction.py) ------------------------------------------

IDENTIFYING = (
    "Hi my name is Margaret Olsen, DOB 03/14/1941, MRN 00482913, I live at 12 Elm St, "
    "my cell is 847-555-0199. When do I arrive?"
)


async def test_user_text_is_redacted_in_the_database_not_in_the_turn(store, db):
    tracker = await store.get_or_create_tracker("patient", append_action_listen=False)
    message = UserUttered(
        IDENTIFYING,
        {"name": "ask_arrival", "confidence": 0.9},
        parse_data={
            "text": IDENTIFYING,
            "intent": {"name": "ask_arrival", "confidence": 0.9},
            "entities": [],
            "metadata": {"note": IDENTIFYING},
        },
        metadata={"customData": {"said": IDENTIFYING}},
    )
    tracker.update(message)
    tracker.update(ActionExecuted("utter_arrival"))
    await store.save(tracker)
    assert tracker.latest_message.text == IDENTIFYING  # the turn keeps the original
    raw = sqlite3.connect(db).execute("SELECT data FROM events").fetchall()
    stored = " ".join(row[0] for row in raw)
    for identifier in ("Margaret", "Olsen", "03/14/1941", "00482913", "Elm", "555-0199"):
        assert identifier not in stored
    user = next(json.loads(r[0]) for r in raw if json.loads(r[0])["event"] == "user")
    assert user["text"].startswith("Hi my name is [NAME], DOB [DATE], MRN [ID]")
    assert user["parse_data"]["text"] == user["text"]
    assert user["metadata"]["customData"]["said"] == user["text"]
    again = await store.retrieve("patient")
    assert again.latest_message.intent["name"] == "ask_arrival"


async def test_each_save_observes_the_time_spent_redacting(store):
    """channels.metrics.REDACTION_SECONDS, which `make bench` reports against issue 12's 1 ms
    budget: one observation per save that wrote events, of a positive time."""
    from channels import metrics

    def observed():
        return {
            s.name: s.value
            for m in metrics.REDACTION_SECONDS.collect()
            for s in m.samples
            if s.name.endswith(("_count", "_sum"))
        }

    before = observed()
    tracker = await store.get_or_create_tracker("timed", append_action_listen=False)
    tracker.update(UserUttered(IDENTIFYING, {"name": "ask_arrival", "confidence": 0.9}))
    await store.save(tracker)
    await store.save(tracker)  # nothing new: no observation
    after = observed()
    name = "vertebro_redaction_seconds"
    assert after[f"{name}_count"] - before[f"{name}_count"] == 1
    assert 0 < after[f"{name}_sum"] - before[f"{name}_sum"] < 1
