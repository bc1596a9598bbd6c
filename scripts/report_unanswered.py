"""What patients asked that the assistant could not answer, for the team to add answers.

Reads the tracker store and prints the messages that went to the fallback, were out of scope
or had low confidence, grouped by text and counted, newest first. No patient identifiers:
no conversation ids; names, dates, phone numbers, e-mail and street addresses and record
numbers are replaced as in the tracker store (storage/redaction.py), remaining digits masked.

    python scripts/report_unanswered.py [--db sqlite:///var/tracker.db] [--days 30]
"""

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from typing import Dict, Iterable, List, Optional, Text, Tuple

import sqlalchemy as sa

from scripts.env_defaults import tracker_db_url
from storage import redaction
from vertebro.names import UNANSWERED_INTENTS
from vertebro.settings import fallback_threshold

# Below it the assistant counts a message as not understood (config.yml's one threshold).
LOW_CONFIDENCE = fallback_threshold()
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
DIGITS = re.compile(r"\d[\d\s().\-/]{2,}\d|\d{3,}")


def redact(text: Text) -> Text:
    """Identifiers replaced as in the tracker store (storage/redaction.py), then any digits
    left masked: rows stored before redaction existed are shown safely too."""
    text = redaction.redact(text)
    text = EMAIL.sub("[email]", text)
    return DIGITS.sub("[number]", text)


def normal(text: Text) -> Text:
    return " ".join(redact(text).lower().split())


def unanswered(intent: Optional[Text], confidence: Optional[float]) -> Optional[Text]:
    """Why this user message counts as unanswered, or None."""
    if intent in UNANSWERED_INTENTS:
        return intent
    if confidence is not None and confidence < LOW_CONFIDENCE:
        return "low confidence"
    return None


def user_messages(
    db_url: Text, since: float
) -> Iterable[Tuple[float, Text, Optional[Text], Optional[float]]]:
    engine = sa.create_engine(db_url)
    query = sa.text(
        "SELECT timestamp, data FROM events WHERE type_name = 'user' "
        "AND timestamp >= :since ORDER BY timestamp"
    )
    with engine.connect() as connection:
        for timestamp, data in connection.execute(query, {"since": since}):
            event = json.loads(data)
            text = event.get("text") or ""
            if text.startswith("/"):  # button payloads
                continue
            intent = (event.get("parse_data") or {}).get("intent") or {}
            yield timestamp, text, intent.get("name"), intent.get("confidence")


def report(rows: Iterable[Tuple[float, Text, Optional[Text], Optional[float]]]) -> List[Dict]:
    groups: Dict[Text, Dict] = defaultdict(lambda: {"count": 0, "last": 0.0, "why": set()})
    for timestamp, text, intent, confidence in rows:
        why = unanswered(intent, confidence)
        if why is None or not text.strip():
            continue
        group = groups[normal(text)]
        group["count"] += 1
        group["last"] = max(group["last"], timestamp)
        group["why"].add(why)
    result = [
        {"text": text, **group, "why": sorted(group["why"])} for text, group in groups.items()
    ]
    return sorted(result, key=lambda g: g["last"], reverse=True)


def main(argv: Optional[List[Text]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=tracker_db_url())
    parser.add_argument("--days", type=float, default=30)
    args = parser.parse_args(argv)
    try:
        groups = report(user_messages(args.db, time.time() - args.days * 86400))
    except sa.exc.SQLAlchemyError as error:
        print(
            f"Cannot read the tracker store at {args.db}: {error.__class__.__name__}",
            file=sys.stderr,
        )
        return 1
    total = sum(g["count"] for g in groups)
    print(
        f"Unanswered questions, last {args.days:g} days: {total} messages, "
        f"{len(groups)} different (newest first)"
    )
    for group in groups:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(group["last"]))
        print(f"{group['count']:>5}  {when}  [{', '.join(group['why'])}]  {group['text']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
