"""Delete conversations and SMS state older than the retention period from the tracker store.

A conversation is deleted, with all its events, when its newest event is older than
`--days` (default: RETENTION_DAYS, from the environment or .env.defaults). So is the SMS channel's state of a sender
(storage/sms_state.py: pending numbered choices, rate-limit bucket) not written for that long,
except an opt-out: a sender who texted STOP stays opted out until START, however long ago
(only the rest of that row, the choices and the bucket, is cleared). Works on any SQL tracker
store (SQLite by default, PostgreSQL in production: pass --db postgresql://user:pass@host/db).
Prints counts only, never conversation ids or text.

    python scripts/retention.py --days 90 [--db sqlite:///var/tracker.db] [--dry-run]
"""

import argparse
import sys
import time
from typing import List, Optional, Text, Tuple

import sqlalchemy as sa

from scripts.env_defaults import tracker_db_url, with_defaults


def expired_senders(connection, cutoff: float) -> List[Text]:
    query = sa.text(
        "SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < :cutoff"
    )
    return [row[0] for row in connection.execute(query, {"cutoff": cutoff})]


def delete_older_than(db_url: Text, days: float, dry_run: bool = False) -> Tuple[int, int]:
    """(conversations, events) deleted (or that would be, with dry_run)."""
    cutoff = time.time() - days * 86400
    engine = sa.create_engine(db_url)
    with engine.begin() as connection:
        senders = expired_senders(connection, cutoff)
        events = 0
        for start in range(0, len(senders), 500):
            chunk = senders[start : start + 500]
            statement = (
                sa.text("SELECT COUNT(*) FROM events WHERE sender_id IN :ids")
                if dry_run
                else sa.text("DELETE FROM events WHERE sender_id IN :ids")
            )
            statement = statement.bindparams(sa.bindparam("ids", expanding=True))
            result = connection.execute(statement, {"ids": chunk})
            events += result.scalar() if dry_run else result.rowcount
    return len(senders), events


SMS_STATE = "sms_state"  # storage/sms_state.py TABLE (not imported: it would load Rasa)


def expire_sms_state(db_url: Text, days: float, dry_run: bool = False) -> Tuple[int, int]:
    """(rows deleted, opt-outs kept) in the SMS state table (or that would be, with dry_run):
    rows not written for `days` are deleted unless the sender opted out; an opted-out row is
    kept with its choices and rate-limit bucket cleared. (0, 0) without the table."""
    cutoff = time.time() - days * 86400
    values = {"cutoff": cutoff, "yes": True, "no": False}
    old = "FROM sms_state WHERE updated < :cutoff AND opted_out = "
    engine = sa.create_engine(db_url)
    try:
        with engine.begin() as connection:
            if SMS_STATE not in sa.inspect(connection).get_table_names():
                return 0, 0
            kept = connection.execute(sa.text(f"SELECT COUNT(*) {old}:yes"), values).scalar()
            if dry_run:
                return connection.execute(
                    sa.text(f"SELECT COUNT(*) {old}:no"), values
                ).scalar(), kept
            deleted = connection.execute(sa.text(f"DELETE {old}:no"), values).rowcount
            connection.execute(
                sa.text(
                    "UPDATE sms_state SET choices = '[]', tokens = NULL, token_time = NULL, "
                    "refused = :no WHERE updated < :cutoff AND opted_out = :yes "
                    "AND (choices <> '[]' OR tokens IS NOT NULL OR token_time IS NOT NULL)"
                ),
                values,
            )
    finally:
        engine.dispose()
    return deleted, kept


def main(argv: Optional[List[Text]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=float, default=float(with_defaults()["RETENTION_DAYS"]))
    parser.add_argument("--db", default=tracker_db_url())
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    if args.days <= 0:
        parser.error("--days must be positive")
    try:
        conversations, events = delete_older_than(args.db, args.days, args.dry_run)
        sms_rows, opt_outs = expire_sms_state(args.db, args.days, args.dry_run)
    except sa.exc.SQLAlchemyError as error:
        print(f"Cannot clean the tracker store: {error.__class__.__name__}", file=sys.stderr)
        return 1
    verb = "Would delete" if args.dry_run else "Deleted"
    print(f"{verb} {conversations} conversations ({events} events) older than {args.days:g} days.")
    print(
        f"{verb} {sms_rows} SMS state rows (pending choices, rate-limit buckets) older than "
        f"{args.days:g} days, keeping {opt_outs} older SMS opt-outs (an opt-out lasts until "
        f"START)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
