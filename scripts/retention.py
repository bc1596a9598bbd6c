"""Delete conversations older than the retention period from the tracker store.

A conversation is deleted, with all its events, when its newest event is older than
`--days` (default: RETENTION_DAYS, from the environment or .env.defaults). Works on any SQL
tracker store (SQLite by default, PostgreSQL in production: pass --db
postgresql://user:pass@host/db). Prints counts only, never conversation ids or text.

    python scripts/retention.py --days 90 [--db sqlite:///var/tracker.db] [--dry-run]
"""
import argparse
import sys
import time
from typing import List, Optional, Text, Tuple

import sqlalchemy as sa

from scripts.env_defaults import tracker_db_url, with_defaults


def expired_senders(connection, cutoff: float) -> List[Text]:
    query = sa.text("SELECT sender_id FROM events GROUP BY sender_id "
                    "HAVING MAX(timestamp) < :cutoff")
    return [row[0] for row in connection.execute(query, {"cutoff": cutoff})]


def delete_older_than(db_url: Text, days: float, dry_run: bool = False) -> Tuple[int, int]:
    """(conversations, events) deleted (or that would be, with dry_run)."""
    cutoff = time.time() - days * 86400
    engine = sa.create_engine(db_url)
    with engine.begin() as connection:
        senders = expired_senders(connection, cutoff)
        events = 0
        for start in range(0, len(senders), 500):
            chunk = senders[start:start + 500]
            statement = (sa.text("SELECT COUNT(*) FROM events WHERE sender_id IN :ids")
                         if dry_run else sa.text("DELETE FROM events WHERE sender_id IN :ids"))
            statement = statement.bindparams(sa.bindparam("ids", expanding=True))
            result = connection.execute(statement, {"ids": chunk})
            events += result.scalar() if dry_run else result.rowcount
    return len(senders), events


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
    except sa.exc.SQLAlchemyError as error:
        print(f"Cannot clean the tracker store: {error.__class__.__name__}", file=sys.stderr)
        return 1
    verb = "Would delete" if args.dry_run else "Deleted"
    print(f"{verb} {conversations} conversations ({events} events) older than {args.days:g} days.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
