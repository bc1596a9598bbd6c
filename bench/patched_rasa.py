#!/usr/bin/env python
"""`rasa run` with candidate fixes applied in-process, to measure them (bench/experiments.py).

    BENCH_PATCHES=validator,sqlite python bench/patched_rasa.py run --model ...

Nothing here is used in production: these are prototypes of the changes recommended in
bench/profile.md, applied as monkeypatches before Rasa starts so their effect can be measured
against the same model and workload.

- validator: RemoteAction._validate_action_result with a validator built once. Rasa 3.6 calls
  jsonschema.validate(), which re-checks the (large) response schema against the JSON Schema
  meta-schema on every custom action call.
- sqlite: PRAGMA journal_mode=WAL and synchronous=NORMAL on every SQLite connection (SQLAlchemy
  connect event): a commit no longer waits for two fsyncs of a rollback journal.
- window: the SQL tracker store hands Rasa at most the last BENCH_WINDOW_EVENTS events (default
  60) of the session, cut at a user message and preceded by SlotSet events for the slot values
  at the cut; it still stores every event. Bounds the tracker replay (from_dict) and the
  policies' past_states, which otherwise grow with the whole session. Safe only because no rule
  here uses conversation_start, MemoizationPolicy looks 3 turns back and the custom actions
  read the latest turns only.
"""
import os
import sys


def patch_validator() -> None:
    from jsonschema import validators
    from jsonschema import ValidationError
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.constants import DOCS_BASE_URL

    schema = RemoteAction.action_response_format_spec()
    validator = validators.validator_for(schema)(schema)

    def _validate_action_result(self, result):
        try:
            validator.validate(result)
            return True
        except ValidationError as e:
            e.message += (
                f". Failed to validate Action server response from API, "
                f"make sure your response from the Action endpoint is valid. "
                f"For more information about the format visit "
                f"{DOCS_BASE_URL}/custom-actions"
            )
            raise e

    RemoteAction._validate_action_result = _validate_action_result


def patch_sqlite() -> None:
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    @event.listens_for(Engine, "connect")
    def _pragmas(dbapi_connection, _record):
        if type(dbapi_connection).__module__.startswith("sqlite3"):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()


def patch_window() -> None:
    import itertools
    import json

    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.trackers import DialogueStateTracker

    limit = int(os.environ.get("BENCH_WINDOW_EVENTS", "60"))

    async def _retrieve(self, sender_id, fetch_events_from_all_sessions):
        with self.session_scope() as session:
            rows = self._event_query(session, sender_id,
                                     fetch_events_from_all_sessions=fetch_events_from_all_sessions
                                     ).all()
            events = [json.loads(row.data) for row in rows]
        if not (self.domain and events):
            return None
        stored = len(events)
        if not fetch_events_from_all_sessions and stored > limit:
            cut = stored - limit
            while cut < stored and events[cut].get("event") != "user":
                cut += 1
            if cut < stored:
                slots = {}
                for event in events[:cut]:
                    if event.get("event") == "slot":
                        slots[event["name"]] = event
                events = list(slots.values()) + events[cut:]
        tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        tracker._bench_stored, tracker._bench_loaded = stored, len(events)
        return tracker

    original = SQLTrackerStore._additional_events

    def _additional_events(self, session, tracker):
        if getattr(tracker, "_bench_loaded", None) is None:
            return original(self, session, tracker)
        new = list(itertools.islice(tracker.events, tracker._bench_loaded, None))
        tracker._bench_stored += len(new)
        tracker._bench_loaded = len(tracker.events)
        return iter(new)

    SQLTrackerStore._retrieve = _retrieve
    SQLTrackerStore._additional_events = _additional_events


PATCHES = {"validator": patch_validator, "sqlite": patch_sqlite, "window": patch_window}

if __name__ == "__main__":
    for name in filter(None, os.environ.get("BENCH_PATCHES", "").split(",")):
        PATCHES[name]()
    from rasa.__main__ import main
    sys.argv[0] = "rasa"
    main()
