"""The retention and forget commands (scripts/retention.py, scripts/forget.py) on the scale
topology's PostgreSQL, with conversations and SMS state the replicas wrote themselves.

The fast tests (tests/scripts/) check the same rules on SQLite; this checks that the same SQL
works on PostgreSQL (booleans, `IN` lists, upserted rows) and that a replica still honours an
opt-out that retention kept."""

import os
import subprocess
import sys
import uuid

import sqlalchemy as sa

from channels.sms.ids import hash_sender
from tests.helpers import ROOT
from tests.scale.load import sms_to

DAY = 86400
RETENTION_DAYS = 90


def pg_url(env):
    return (
        f"postgresql+psycopg2://{env['PG_USER']}:{env['PG_PASSWORD']}"
        f"@{env['PG_HOST']}:{env['PG_PORT']}/{env['PG_DB']}"
    )


def backdate(engine, sender, days):
    """Make a conversation and its SMS state look `days` older, as if written back then."""
    with engine.begin() as connection:
        for table, column in (("events", "timestamp"), ("sms_state", "updated")):
            connection.execute(
                sa.text(f"UPDATE {table} SET {column} = {column} - :age WHERE sender_id = :s"),
                {"age": days * DAY, "s": sender},
            )


def count(engine, table, sender):
    with engine.connect() as connection:
        return connection.execute(
            sa.text(f"SELECT COUNT(*) FROM {table} WHERE sender_id = :s"), {"s": sender}
        ).scalar()


def opted_out(engine, sender):
    with engine.connect() as connection:
        return connection.execute(
            sa.text("SELECT opted_out, choices FROM sms_state WHERE sender_id = :s"),
            {"s": sender},
        ).first()


def run_script(topology, args, stdin=""):
    env = dict(os.environ, **topology.env)
    done = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_retention_and_forget_on_postgres(topology):
    first, second = topology.rasa_ports[0], topology.rasa_ports[-1]
    url = pg_url(topology.env)
    engine = sa.create_engine(url)
    secret = topology.env["SMS_SENDER_SECRET"]
    tag = uuid.uuid4().int % 1000
    numbers = {name: f"+1773555{k}{tag:03d}" for k, name in enumerate("old opt menu new".split())}
    ids = {name: hash_sender(number, secret) for name, number in numbers.items()}
    assert len(set(ids.values())) == 4

    # Written by the replicas: an old question, an old STOP, an old menu, a new menu.
    assert sms_to(topology, first, numbers["old"], "when do I arrive?")
    assert "unsubscribed" in " ".join(sms_to(topology, first, numbers["opt"], "STOP"))
    assert "Reply 1 for" in " ".join(sms_to(topology, first, numbers["menu"], "hi"))
    assert "Reply 1 for" in " ".join(sms_to(topology, first, numbers["new"], "hi"))
    for name in ("old", "opt", "menu"):
        backdate(engine, ids[name], RETENTION_DAYS + 30)

    out = run_script(topology, ["scripts/retention.py", "--db", url, "--days", str(RETENTION_DAYS)])
    assert "sms-" not in out and not any(number in out for number in numbers.values())

    # Old conversations are gone, with their SMS state, except the opt-out, which stays.
    assert count(engine, "events", ids["old"]) == 0
    assert (
        count(engine, "events", ids["menu"]) == 0 and count(engine, "sms_state", ids["menu"]) == 0
    )
    assert count(engine, "events", ids["opt"]) == 0
    row = opted_out(engine, ids["opt"])
    assert row is not None and row.opted_out and row.choices == "[]"
    # The new conversation and its pending menu are untouched.
    assert count(engine, "events", ids["new"]) > 0 and count(engine, "sms_state", ids["new"]) == 1

    # The kept opt-out silences the sender on either replica until START.
    assert sms_to(topology, second, numbers["opt"], "when do I arrive?") == []
    assert "resubscribed" in " ".join(sms_to(topology, second, numbers["opt"], "START"))
    # The kept menu still answers "1" on the other replica.
    assert "A vertebroplasty treats back pain" in " ".join(
        sms_to(topology, second, numbers["new"], "1")
    )

    # One patient's conversation deleted on request, the number given on stdin.
    out = run_script(
        topology, ["scripts/forget.py", "--sms-number", "-", "--db", url], stdin=numbers["new"]
    )
    assert "Deleted" in out and "and 1 SMS state rows" in out and numbers["new"] not in out
    assert count(engine, "events", ids["new"]) == 0 and count(engine, "sms_state", ids["new"]) == 0
    engine.dispose()
    topology.note(
        "[retention on PostgreSQL] old conversation, old menu deleted; old opt-out kept and "
        "honoured; new menu kept; forget by number deleted its events and state"
    )
