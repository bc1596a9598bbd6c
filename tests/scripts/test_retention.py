import time

import sqlalchemy as sa

from scripts.retention import delete_older_than, main


def make_store(path, conversations):
    """A tracker-store-shaped events table: {sender: [age in days of each event]}."""
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(sa.text(
            "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, type_name TEXT, "
            "timestamp FLOAT, data TEXT)"))
        now = time.time()
        for sender, ages in conversations.items():
            for age in ages:
                connection.execute(sa.text(
                    "INSERT INTO events (sender_id, type_name, timestamp, data) "
                    "VALUES (:s, 'user', :t, '{}')"), {"s": sender, "t": now - age * 86400})
    return f"sqlite:///{path}"


def senders(url):
    with sa.create_engine(url).connect() as connection:
        return {row[0] for row in connection.execute(sa.text("SELECT sender_id FROM events"))}


def test_deletes_only_conversations_whose_newest_event_is_old(tmp_path):
    url = make_store(tmp_path / "t.db", {"old": [200, 120], "mixed": [200, 1], "new": [2]})
    assert delete_older_than(url, 90) == (1, 2)
    assert senders(url) == {"mixed", "new"}


def test_dry_run_deletes_nothing(tmp_path, capsys):
    url = make_store(tmp_path / "t.db", {"old": [200, 120, 100], "new": [2]})
    assert main(["--db", url, "--days", "90", "--dry-run"]) == 0
    assert "Would delete 1 conversations (3 events)" in capsys.readouterr().out
    assert senders(url) == {"old", "new"}


def test_output_has_no_conversation_ids(tmp_path, capsys):
    url = make_store(tmp_path / "t.db", {"patient-secret-id": [400]})
    assert main(["--db", url, "--days", "30"]) == 0
    out = capsys.readouterr().out
    assert "patient-secret-id" not in out and "Deleted 1 conversations" in out
