"""The kinds of turn, read back from the bench's tracker store: which turns ran a custom action,
which were a conversation's first, and whether each bench question got the intent it was written
for (bench/measure.py reports them)."""

import sqlite3
from pathlib import Path
from typing import Any, Dict, List

import yaml

from bench.common import ROOT, ms, pct


def stored_turns(db: Path) -> Dict[str, List[Dict[str, Any]]]:
    """sender -> its turns in the tracker store: the intent and the actions run after it."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = con.execute(
            "SELECT sender_id, type_name, intent_name, action_name FROM events ORDER BY id"
        ).fetchall()
    finally:
        con.close()
    per_sender: Dict[str, List[Dict[str, Any]]] = {}
    for sender, type_name, intent, action in rows:
        turns = per_sender.setdefault(sender, [])
        if type_name == "user":
            turns.append({"intent": intent, "actions": []})
        elif type_name == "action" and turns:
            turns[-1]["actions"].append(action)
    return per_sender


def turn_kinds(db: Path, records: List[dict], custom_actions: set) -> Dict[str, Any]:
    """From the tracker store: which turns ran a custom action, the first turn of each
    conversation (session start), and whether the bench question got the intent it was
    written for."""
    per_sender = stored_turns(db)
    custom, utter, first, later = [], [], [], []
    understood = total = 0
    for record in records:
        turns = per_sender.get(record["sender"], [])
        if record["turn"] >= len(turns):
            continue
        turn = turns[record["turn"]]
        total += 1
        understood += turn["intent"] == record["intent"]
        (custom if custom_actions & set(turn["actions"]) else utter).append(record["seconds"])
        (first if record["turn"] == 0 else later).append(record["seconds"])
    return {
        "custom": custom,
        "utter": utter,
        "first": first,
        "later": later,
        "understood": understood,
        "classified": total,
    }


def kinds_summary(db: Path, records: List[dict]) -> Dict[str, Any]:
    custom_actions = set(yaml.safe_load((ROOT / "domain.yml").read_text()).get("actions", []))
    kinds = turn_kinds(db, records, custom_actions)
    return {
        "kinds": {
            key: {
                "n": len(kinds[key]),
                "p50": ms(pct(kinds[key], 50)),
                "p95": ms(pct(kinds[key], 95)),
            }
            for key in ("custom", "utter", "first", "later")
        },
        "understood": (kinds["understood"], kinds["classified"]),
    }
