"""Delete one patient's conversation from the tracker store, on the patient's request.

The conversation is named by its id (`--sender`: the REST/kiosk sender, the widget's session
id) or, for SMS, by the phone number (`--sms-number`), which is hashed exactly as the SMS
channel hashes it (channels.sms.ids.hash_sender with SMS_SENDER_SECRET), so the number itself is
never looked up or stored. The number can also come on standard input (`--sms-number -`), to
keep it out of the shell history. Deletes every event of the conversation and its SMS state
(opt-out, pending choices, rate limit: storage/sms_state.py). Prints counts only.

    python scripts/forget.py --sender <id> [--db sqlite:///var/tracker.db] [--dry-run]
    python scripts/forget.py --sms-number +18475550199
"""

import argparse
import os
import sys
from typing import List, Optional, Text, Tuple

import sqlalchemy as sa

from channels.sms.ids import hash_sender
from scripts.env_defaults import tracker_db_url


def forget(db_url: Text, sender_id: Text, dry_run: bool = False) -> Tuple[int, int]:
    """(events, SMS state rows) deleted (or found, with dry_run) for one conversation id."""
    engine = sa.create_engine(db_url)
    counts = []
    with engine.begin() as connection:
        tables = set(sa.inspect(connection).get_table_names())
        for table in ("events", "sms_state"):
            if table not in tables:
                counts.append(0)
                continue
            where = f"FROM {table} WHERE sender_id = :sender"
            if dry_run:
                counts.append(
                    connection.execute(
                        sa.text(f"SELECT COUNT(*) {where}"), {"sender": sender_id}
                    ).scalar()
                )
            else:
                counts.append(
                    connection.execute(sa.text(f"DELETE {where}"), {"sender": sender_id}).rowcount
                )
    engine.dispose()
    return counts[0], counts[1]


def main(argv: Optional[List[Text]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--sender", help="the conversation id")
    who.add_argument(
        "--sms-number",
        help="the patient's phone number as Twilio sends it "
        "(+18475550199), or - to read it from stdin",
    )
    parser.add_argument("--db", default=tracker_db_url())
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    if args.sms_number is not None:
        number = sys.stdin.readline() if args.sms_number == "-" else args.sms_number
        secret = os.environ.get("SMS_SENDER_SECRET", "")
        if not number.strip() or not secret:
            parser.error("--sms-number needs a number and SMS_SENDER_SECRET in the environment")
        sender_id = hash_sender(number, secret)
    else:
        sender_id = args.sender.strip()
        if not sender_id:
            parser.error("--sender must not be empty")
    try:
        events, state = forget(args.db, sender_id, args.dry_run)
    except sa.exc.SQLAlchemyError as error:
        print(f"Cannot clean the tracker store: {error.__class__.__name__}", file=sys.stderr)
        return 1
    verb = "Would delete" if args.dry_run else "Deleted"
    print(f"{verb} {events} events and {state} SMS state rows of one conversation.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
