"""The conversation store: Rasa's SQL tracker store, with a flat cost per turn and no silent loss.

Configured in endpoints.yml (`type: storage.tracker_store.WindowedSQLTrackerStore`) with the
same keys as Rasa's `type: SQL` store, the same `events` table and the same rows, so the
report, retention and scale scripts read it as before. Three measured causes are fixed
(bench/profile.md):

1. **Growth with the conversation.** Rasa 3.6 replays every event of the session on every
   turn, and its policies recompute all their dialogue states several times a turn. This store
   hands Rasa the last `max_turns` turns only (capped at `max_events` events), preceded by the
   current value of every slot set earlier in the session; every event is still stored. What
   sees the window: the rules (one turn) and the custom actions (the last 3 answers at most:
   actions/follow_up_questions.py, tested in tests/storage); no forms, no stories.
2. **A count query on every save.** Rasa counts the stored events of the session to find the
   new ones. This store remembers how many events each tracker it handed out already had, and
   inserts the rest with one statement.
3. **SQLite waiting for the disk.** WAL mode with `synchronous=NORMAL` (durable after a crash
   of the process; a power cut can lose the last commits) and one kept connection; PostgreSQL
   connections are checked before use, so a database restart costs no request.

Identifiers never reach the database: every row is built by storage/event_rows.py, which
replaces names, dates, phone numbers, e-mail and street addresses and record numbers in user
messages with typed placeholders (storage/redaction.py). The turn itself runs on the original text.

A database error refuses the turn instead of losing it: storage/fail_closed.py.
"""

import itertools
import json
import logging
from collections import OrderedDict
from typing import Any, Dict, List, NamedTuple, Optional, Sequence, Text, Tuple

import sqlalchemy as sa
import sqlalchemy.exc
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import (
    ActionExecuted,
    AllSlotsReset,
    Event,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from storage.event_rows import event_rows
from storage.fail_closed import (
    FailClosedTrackerStore,
    TrackerStoreUnavailable,
    warn_unless_failing_closed,
)
from storage.sqlite import sqlite_pragmas

logger = logging.getLogger(__name__)

DEFAULT_MAX_TURNS = 4
DEFAULT_MAX_EVENTS = 60
# Events after which earlier slot values no longer apply.
SLOT_BOUNDARIES = (SessionStarted.type_name, Restarted.type_name, AllSlotsReset.type_name)
# On each tracker this store hands out: how many of its events are already stored.
STORED_ATTRIBUTE = "_storage_events_stored"
# Conversations whose slot values before the window are remembered between turns.
SLOT_MEMORY_SIZE = 10_000


class SlotsBefore(NamedTuple):
    """The latest SlotSet row (id, data) of each slot set before event id `cut`, after the
    last slot reset, in one conversation."""

    cut: int
    slots: Dict[Text, Tuple[int, Text]]


class WindowedSQLTrackerStore(SQLTrackerStore):
    """Rasa's SQLTrackerStore that replays a bounded window and saves without counting."""

    def __init__(
        self,
        domain=None,
        max_turns: Any = DEFAULT_MAX_TURNS,
        max_events: Any = DEFAULT_MAX_EVENTS,
        **kwargs: Any,
    ) -> None:
        super().__init__(domain, **kwargs)
        self.max_turns, self.max_events = int(max_turns), int(max_events)
        if self.max_turns < 2 or self.max_events < 10:
            raise ValueError(
                f"max_turns must be at least 2 and max_events at least 10 (got "
                f"{self.max_turns}, {self.max_events}): the policies look back "
                f"several actions"
            )
        self._tune_engine()
        self.table = self.SQLEvent.__table__
        self._build_queries()
        self._slots_before: "OrderedDict[Text, SlotsBefore]" = OrderedDict()
        self.slot_queries = 0  # reads that had to ask the database for earlier slot values
        warn_unless_failing_closed()

    # ------------------------------------------------------------------ engine
    def _tune_engine(self) -> None:
        """SQLite: WAL, synchronous=NORMAL, one kept connection. Others: pre-ping."""
        url = self.engine.url
        if url.get_backend_name() == "sqlite":
            self.engine.dispose()
            # Rasa serves from one event-loop thread; the pool hands its one connection to one
            # session at a time, so it may cross threads (Sanic's start-up runs elsewhere).
            self.engine = sa.create_engine(
                url,
                poolclass=sa.pool.QueuePool,
                pool_size=1,
                max_overflow=4,
                connect_args={"check_same_thread": False},
            )
            sa.event.listen(self.engine, "connect", sqlite_pragmas)
        else:
            self.engine.dispose()
            self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    def _build_queries(self) -> None:
        """The two reads of a turn, built once (building a statement costs more than running
        it on SQLite); values are bound per call."""
        t, sender, cut = self.table, sa.bindparam("sender"), sa.bindparam("cut")
        self._latest_events = (
            sa.select(t.c.id, t.c.type_name, t.c.action_name, t.c.data)
            .where(t.c.sender_id == sender)
            .order_by(t.c.id.desc())
            .limit(sa.bindparam("limit"))
        )
        # The latest SlotSet of each slot set before event id `cut`, after the last event that
        # resets slots (session start, restart, reset).
        boundary = (
            sa.select(sa.func.coalesce(sa.func.max(t.c.id), 0))
            .where(t.c.sender_id == sender, t.c.id < cut, t.c.type_name.in_(SLOT_BOUNDARIES))
            .scalar_subquery()
        )
        latest = (
            sa.select(sa.func.max(t.c.id))
            .where(
                t.c.sender_id == sender,
                t.c.type_name == SlotSet.type_name,
                t.c.id < cut,
                t.c.id > boundary,
            )
            .group_by(t.c.action_name)
        )
        self._earlier_slots = (
            sa.select(t.c.id, t.c.action_name, t.c.data).where(t.c.id.in_(latest)).order_by(t.c.id)
        )

    # ------------------------------------------------------------------ reading
    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        """The tracker of the current session, replaying at most its last `max_turns` turns."""
        try:
            events = self._window(sender_id)
        except sqlalchemy.exc.SQLAlchemyError as error:
            raise TrackerStoreUnavailable(
                f"reading a conversation failed: {type(error).__name__}"
            ) from error
        if not events or not self.domain:
            return None
        tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        setattr(tracker, STORED_ATTRIBUTE, len(tracker.events))
        return tracker

    def _window(self, sender_id: Text) -> List[Dict[Text, Any]]:
        """Serialised events to replay: the session's last `max_turns` turns (at most
        `max_events` events), after the values of the slots set earlier in the session."""
        with self.engine.connect() as connection:
            rows = connection.execute(
                self._latest_events, {"sender": sender_id, "limit": self.max_events}
            ).all()
            rows.reverse()
            if not rows:
                return []
            session_starts = [
                i for i, row in enumerate(rows) if row.type_name == SessionStarted.type_name
            ]
            whole_session = bool(session_starts) or len(rows) < self.max_events
            if whole_session:  # Rasa's own query starts at the latest SessionStarted too
                rows = rows[session_starts[-1] if session_starts else 0 :]
            turns = _turn_starts(rows)
            if whole_session and len(turns) <= self.max_turns:
                return [json.loads(row.data) for row in rows]
            cut = (
                turns[-self.max_turns]
                if len(turns) >= self.max_turns
                else (turns[0] if turns else 0)
            )
            earlier_slots = self._earlier_slot_values(connection, sender_id, rows, rows[cut].id)
            rows = rows[cut:]
        return [json.loads(data) for data in earlier_slots] + [json.loads(r.data) for r in rows]

    def _earlier_slot_values(
        self, connection, sender_id: Text, rows: Sequence[Any], cut: int
    ) -> List[Text]:
        """The SlotSet events (serialised) that give each slot set before event id `cut` its
        value, oldest first.

        The window moves forward a turn at a time, so the values before the last cut of this
        conversation are remembered and brought forward with the rows read for this turn (the
        conversation's latest events, in order). Only when those rows do not reach back to the
        last cut (the first read here, or more new events since then than one read brings
        back) does this query the database, whose cost grows with the conversation's length."""
        known = self._slots_before.pop(sender_id, None)
        if known is not None and rows[0].id <= known.cut <= cut:
            slots = dict(known.slots)
            for row in rows:
                if row.id >= cut:
                    break
                if row.id < known.cut:
                    continue
                if row.type_name in SLOT_BOUNDARIES:
                    slots = {}
                elif row.type_name == SlotSet.type_name:
                    slots[row.action_name] = (row.id, row.data)
        else:
            self.slot_queries += 1
            slots = {
                row.action_name: (row.id, row.data)
                for row in connection.execute(
                    self._earlier_slots, {"sender": sender_id, "cut": cut}
                )
            }
        self._slots_before[sender_id] = SlotsBefore(cut, slots)
        if len(self._slots_before) > SLOT_MEMORY_SIZE:
            self._slots_before.popitem(last=False)  # the conversation idle the longest
        return [data for _, data in sorted(slots.values())]

    # ------------------------------------------------------------------ writing
    def init_tracker(self, sender_id: Text) -> DialogueStateTracker:
        tracker = super().init_tracker(sender_id)
        setattr(tracker, STORED_ATTRIBUTE, 0)
        return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Insert the events the tracker got since it was read or last saved."""
        stored = getattr(tracker, STORED_ATTRIBUTE, None)
        try:
            if stored is None:  # a tracker this store did not hand out: Rasa's own way
                new_events = self._events_not_stored(tracker)
            else:
                new_events = list(itertools.islice(tracker.events, stored, None))
            if new_events:
                rows, redacting = event_rows(tracker.sender_id, new_events)
                with self.engine.begin() as connection:
                    connection.execute(self.table.insert(), rows)
        except sqlalchemy.exc.SQLAlchemyError as error:
            raise TrackerStoreUnavailable(
                f"saving a conversation failed: {type(error).__name__}"
            ) from error
        setattr(tracker, STORED_ATTRIBUTE, len(tracker.events))
        from channels import metrics  # the turn is stored: count it (no text, no sender)

        metrics.observe_turn(new_events)
        if new_events:
            metrics.REDACTION_SECONDS.observe(redacting)
        if self.event_broker is not None:
            await self._stream_new_events(self.event_broker, new_events, tracker.sender_id)

    def _events_not_stored(self, tracker: DialogueStateTracker) -> List[Event]:
        with self.session_scope() as session:
            return list(self._additional_events(session, tracker))

    async def stream_events(self, tracker: DialogueStateTracker) -> None:
        """Events go to the event broker from `save`, without reading the tracker again."""


def _turn_starts(rows) -> List[int]:
    """Indexes of each `action_listen` that is followed by a user message: where turns start."""
    return [
        i
        for i in range(len(rows) - 1)
        if rows[i].type_name == ActionExecuted.type_name
        and rows[i].action_name == ACTION_LISTEN_NAME
        and rows[i + 1].type_name == UserUttered.type_name
    ]


__all__ = ["WindowedSQLTrackerStore", "TrackerStoreUnavailable", "FailClosedTrackerStore"]
