"""What the SMS channel must remember about a sender between texts, in the tracker store's
database: the opt-out flag, the pending numbered choices and the rate-limit bucket.

One row per hashed sender id (`sms-` + HMAC of the number, channels/sms/ids.py), never the number:
table `sms_state` next to Rasa's `events`, in the same database (SQLite by default, PostgreSQL
with several replicas), so every replica and a restart see the same state. Writes are upserts
(SQLite and PostgreSQL both have INSERT ... ON CONFLICT), so two replicas never collide on
the key. A database error is raised as TrackerStoreUnavailable: the SMS channel then sends the
same outage answer as every channel (channels/failures.py).
"""

import json
import time
from typing import Any, Callable, Dict, List, Optional, Text

import sqlalchemy as sa
import sqlalchemy.exc
from sqlalchemy.dialects import postgresql, sqlite

from storage.tracker_store import TrackerStoreUnavailable

TABLE = "sms_state"
_metadata = sa.MetaData()
sms_state = sa.Table(
    TABLE,
    _metadata,
    sa.Column("sender_id", sa.String(64), primary_key=True),
    sa.Column("opted_out", sa.Boolean, nullable=False, default=False),
    sa.Column("choices", sa.Text, nullable=False, default="[]"),  # JSON list of payloads
    sa.Column("tokens", sa.Float, nullable=True),  # rate-limit bucket (channels/rate_limit.py)
    sa.Column("token_time", sa.Float, nullable=True),  # wall clock: shared across processes
    sa.Column("refused", sa.Boolean, nullable=False, default=False),
    sa.Column("updated", sa.Float, nullable=False),
)


class SqlSmsState:
    """The SMS channel's per-sender state in a SQL database (see the module)."""

    def __init__(self, engine: sa.engine.Engine, clock: Callable[[], float] = time.time):
        self.engine = engine
        self.clock = clock
        try:
            _metadata.create_all(engine, tables=[sms_state], checkfirst=True)
        except sqlalchemy.exc.SQLAlchemyError:
            pass  # the database is down at start-up: created on first use instead
        self._created = False

    def __len__(self) -> int:
        """Senders with a row."""
        try:
            with self.engine.connect() as connection:
                return connection.execute(
                    sa.select(sa.func.count()).select_from(sms_state)
                ).scalar()
        except sqlalchemy.exc.SQLAlchemyError:
            return 0  # no table yet

    # -------------------------------------------------------------- reading and writing
    def _get(self, sender_id: Text) -> Dict[Text, Any]:
        try:
            with self.engine.connect() as connection:
                row = (
                    connection.execute(
                        sa.select(sms_state).where(sms_state.c.sender_id == sender_id)
                    )
                    .mappings()
                    .first()
                )
        except sqlalchemy.exc.SQLAlchemyError as error:
            if self._create_once():
                return self._get(sender_id)
            raise TrackerStoreUnavailable(
                f"reading SMS state failed: {type(error).__name__}"
            ) from error
        return dict(row) if row else {}

    def _put(self, sender_id: Text, **values: Any) -> None:
        values["updated"] = self.clock()
        dialect = self.engine.dialect.name
        insert = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(sms_state)
        statement = insert.values(sender_id=sender_id, **values).on_conflict_do_update(
            index_elements=[sms_state.c.sender_id], set_=values
        )
        try:
            with self.engine.begin() as connection:
                connection.execute(statement)
        except sqlalchemy.exc.SQLAlchemyError as error:
            if self._create_once():
                return self._put(sender_id, **values)
            raise TrackerStoreUnavailable(
                f"saving SMS state failed: {type(error).__name__}"
            ) from error

    def _create_once(self) -> bool:
        """Create the table after a failure (it did not exist yet); True if that was new."""
        if self._created:
            return False
        self._created = True
        try:
            _metadata.create_all(self.engine, tables=[sms_state], checkfirst=True)
        except sqlalchemy.exc.SQLAlchemyError:
            return False
        return True

    # -------------------------------------------------------------- the channel's interface
    def choices(self, sender_id: Text) -> List[Text]:
        return list(json.loads(self._get(sender_id).get("choices") or "[]"))

    def set_choices(self, sender_id: Text, payloads: List[Text]) -> None:
        self._put(sender_id, choices=json.dumps(list(payloads)))

    def is_opted_out(self, sender_id: Text) -> bool:
        return bool(self._get(sender_id).get("opted_out"))

    def set_opted_out(self, sender_id: Text, opted_out: bool) -> None:
        self._put(sender_id, opted_out=opted_out, choices="[]")

    def check_rate(self, sender_id: Text, limiter) -> Any:
        """The rate limiter's decision for this sender, with its bucket kept in the row
        (channels.rate_limit.RateLimiter.take)."""
        if not limiter.enabled:
            return limiter.take(None, self.clock())[1]
        row = self._get(sender_id)
        bucket = (
            None
            if row.get("tokens") is None
            else (row["tokens"], row["token_time"], bool(row.get("refused")))
        )
        (tokens, when, refused), decision = limiter.take(bucket, self.clock())
        self._put(sender_id, tokens=tokens, token_time=when, refused=refused)
        return decision


def from_tracker_store(tracker_store: Any) -> Optional[SqlSmsState]:
    """State in the database of Rasa's tracker store (unwrapping Rasa's fail-safe wrapper),
    or None if it has no SQL engine."""
    inner = getattr(tracker_store, "_tracker_store", tracker_store)
    engine = getattr(inner, "engine", None)
    return SqlSmsState(engine) if isinstance(engine, sa.engine.Engine) else None
