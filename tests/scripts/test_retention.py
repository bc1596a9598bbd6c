import time

import sqlalchemy as sa

from scripts.retention import delete_older_than, main


def make_store(path, conversations):
    """A tracker-store-shaped events table: {sender: [age in days of each event]}."""
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(
            sa.text(
                "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, type_name TEXT, "
                "timestamp FLOAT, data TEXT)"
            )
        )
        now = time.time()
        for sender, ages in conversations.items():
            for age in ages:
                connection.execute(
                    sa.text(
                        "INSERT INTO events (sender_id, type_name, timestamp, data) "
                        "VALUES (:s, 'user', :t, '{}')"
                    ),
                    {"s": sender, "t": now - age * 86400},
                )
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


# ---------------------------------------------------------------------- SMS state
DAY = 86400


def sms_state_at(url, age_days):
    """The SMS channel's state store (storage/sms_state.py) on `url`, writing as if it were
    `age_days` ago."""
    from storage.sms_state import SqlSmsState

    return SqlSmsState(sa.create_engine(url), clock=lambda: time.time() - age_days * DAY)


def sms_rows(url):
    with sa.create_engine(url).connect() as connection:
        return {
            row.sender_id: row
            for row in connection.execute(
                sa.text("SELECT sender_id, opted_out, choices, tokens, token_time FROM sms_state")
            )
        }


def make_sms_state(tmp_path):
    from channels.rate_limit import RateLimiter

    url = make_store(tmp_path / "t.db", {"sms-old-choices": [200], "sms-new": [1]})
    limiter = RateLimiter(per_minute=30, burst=10)
    sms_state_at(url, 200).set_choices("sms-old-choices", ["/ask_what_is", "/ask_recovery"])
    sms_state_at(url, 150).check_rate("sms-old-bucket", limiter)
    sms_state_at(url, 201).check_rate("sms-old-opt-out", limiter)  # a bucket, then STOP
    sms_state_at(url, 200).set_opted_out("sms-old-opt-out", True)
    sms_state_at(url, 1).set_choices("sms-new", ["/ask_what_is"])
    sms_state_at(url, 1).check_rate("sms-new", limiter)
    sms_state_at(url, 2).set_opted_out("sms-new-opt-out", True)
    return url


def test_old_sms_choices_and_buckets_are_deleted_opt_outs_kept(tmp_path):
    from scripts.retention import expire_sms_state

    url = make_sms_state(tmp_path)
    assert expire_sms_state(url, 90) == (2, 1)
    rows = sms_rows(url)
    assert set(rows) == {"sms-old-opt-out", "sms-new", "sms-new-opt-out"}
    # The old opt-out stays, with nothing else of that sender: no bucket, no choices.
    old = rows["sms-old-opt-out"]
    assert old.opted_out and old.choices == "[]" and old.tokens is None and old.token_time is None
    # Newer rows are untouched.
    assert rows["sms-new"].tokens is not None and "ask_what_is" in rows["sms-new"].choices
    assert expire_sms_state(url, 90) == (0, 1)  # running it again deletes nothing more


def test_an_opt_out_older_than_retention_still_silences_the_sender(tmp_path):
    from channels.sms.channel import SmsInput

    url = make_sms_state(tmp_path)
    assert main(["--db", url, "--days", "90"]) == 0
    channel = SmsInput(
        "token", "https://example.org/webhooks/sms/webhook", "secret", store=sms_state_at(url, 0)
    )
    assert channel.keyword_reply("sms-old-opt-out", "when do I arrive?") == []  # nothing sent
    assert channel.keyword_reply("sms-old-opt-out", "START")  # until START
    assert channel.keyword_reply("sms-old-opt-out", "when do I arrive?") is None  # answered


def test_dry_run_counts_sms_state_and_deletes_nothing(tmp_path, capsys):
    url = make_sms_state(tmp_path)
    before = sms_rows(url)
    assert main(["--db", url, "--days", "90", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Would delete 2 SMS state rows" in out and "keeping 1 older SMS opt-outs" in out
    assert sms_rows(url) == before


def test_retention_output_names_no_sms_sender(tmp_path, capsys):
    url = make_sms_state(tmp_path)
    assert main(["--db", url, "--days", "90"]) == 0
    out = capsys.readouterr().out
    assert "Deleted 1 conversations (1 events)" in out
    assert "Deleted 2 SMS state rows" in out and "keeping 1 older SMS opt-outs" in out
    assert "sms-" not in out


def test_a_store_without_sms_state_is_fine(tmp_path, capsys):
    url = make_store(tmp_path / "t.db", {"old": [200]})
    assert main(["--db", url, "--days", "90"]) == 0
    assert "Deleted 0 SMS state rows" in capsys.readouterr().out
