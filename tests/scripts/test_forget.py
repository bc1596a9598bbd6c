"""scripts/forget.py: one patient's conversation deleted on request, by id or SMS number."""

import sqlalchemy as sa

from channels.sms.ids import hash_sender
from scripts.forget import forget, main
from storage.sms_state import SqlSmsState
from tests.scripts.test_retention import make_store

SECRET = "forget-test-secret"
NUMBER = "+18475550199"


def rows(path, table):
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        return [r[0] for r in connection.execute(sa.text(f"SELECT sender_id FROM {table}"))]


def test_forget_by_sender_deletes_only_that_conversation(tmp_path):
    db = tmp_path / "t.db"
    make_store(db, {"alice": [1, 2, 3], "bob": [1]})
    assert forget(f"sqlite:///{db}", "alice", dry_run=True) == (3, 0)
    assert rows(db, "events").count("alice") == 3
    assert forget(f"sqlite:///{db}", "alice") == (3, 0)
    assert rows(db, "events") == ["bob"]


def test_forget_by_sms_number_hashes_it_as_the_channel_does(tmp_path, monkeypatch, capsys):
    db = tmp_path / "t.db"
    sender = hash_sender(NUMBER, SECRET)
    make_store(db, {sender: [1, 2], "other": [1]})
    state = SqlSmsState(sa.create_engine(f"sqlite:///{db}"))
    state.set_opted_out(sender, True)
    state.set_opted_out("other", True)
    monkeypatch.setenv("SMS_SENDER_SECRET", SECRET)
    assert main(["--sms-number", NUMBER, "--db", f"sqlite:///{db}"]) == 0
    out = capsys.readouterr().out
    assert out.strip() == "Deleted 2 events and 1 SMS state rows of one conversation."
    assert NUMBER not in out and sender not in out
    assert rows(db, "events") == ["other"] and rows(db, "sms_state") == ["other"]


def test_forget_reads_the_number_from_stdin(tmp_path, monkeypatch):
    import io

    db = tmp_path / "t.db"
    make_store(db, {hash_sender(NUMBER, SECRET): [1]})
    monkeypatch.setenv("SMS_SENDER_SECRET", SECRET)
    monkeypatch.setattr("sys.stdin", io.StringIO(NUMBER + "\n"))
    assert main(["--sms-number", "-", "--db", f"sqlite:///{db}"]) == 0
    assert rows(db, "events") == []


def test_a_number_without_the_secret_is_refused(tmp_path, monkeypatch):
    import pytest

    monkeypatch.delenv("SMS_SENDER_SECRET", raising=False)
    with pytest.raises(SystemExit):
        main(["--sms-number", NUMBER, "--db", f"sqlite:///{tmp_path / 't.db'}"])


def test_an_unreachable_database_is_exit_1(tmp_path):
    assert main(["--sender", "x", "--db", f"sqlite:///{tmp_path}/no/such/dir/t.db"]) == 1


def test_forget_deletes_the_senders_pending_choices_and_rate_limit_bucket(tmp_path, monkeypatch):
    """Not only an opt-out: the SMS state of a sender who never texted STOP (numbered choices
    waiting for a "1", the rate-limit bucket) goes too, even with no event stored."""
    from channels.rate_limit import RateLimiter

    db = tmp_path / "t.db"
    sender = hash_sender(NUMBER, SECRET)
    make_store(db, {"other": [1]})
    state = SqlSmsState(sa.create_engine(f"sqlite:///{db}"))
    state.set_choices(sender, ["/ask_what_is", "/ask_recovery"])
    state.check_rate(sender, RateLimiter(per_minute=30, burst=10))
    state.set_choices("other", ["/ask_what_is"])
    monkeypatch.setenv("SMS_SENDER_SECRET", SECRET)
    assert forget(f"sqlite:///{db}", sender, dry_run=True) == (0, 1)
    assert main(["--sms-number", NUMBER, "--db", f"sqlite:///{db}"]) == 0
    assert rows(db, "sms_state") == ["other"]
    assert state.choices(sender) == [] and state.choices("other") == ["/ask_what_is"]
