"""Faults that must not lose a patient: the action server down, and a Rasa restart."""

import uuid

import pytest

from tests.e2e.servers import ROOT, Servers, texts
from tests.helpers import fact

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def own_servers():
    """A separate set (its own SQLite tracker store), started without the action server."""
    running = Servers(ROOT / "results" / "resilience-logs", with_actions=False)
    for name in ("tracker.db", "tracker.db-wal", "tracker.db-shm"):  # SQLite in WAL mode
        (running.log_dir / name).unlink(missing_ok=True)
    running.start()
    yield running
    running.stop()


def test_action_server_down_faq_and_handoff_still_work(phone, own_servers):
    assert fact("recovery") in texts(own_servers.ask("how long is recovery"))
    # The hand-off text is a domain response: the number arrives even without the action.
    assert phone in texts(own_servers.ask("i need to reschedule my appointment"))
    assert "don't have that information" in texts(own_servers.ask("how much does it cost"))


def test_restart_keeps_the_conversation(own_servers):
    own_servers.start_actions()
    sender = uuid.uuid4().hex
    assert fact("recovery") in texts(own_servers.ask("how long is recovery", sender))
    rasa = next(p for p in own_servers.processes if "run" in p.args and "actions" not in p.args)
    rasa.terminate()
    rasa.wait(timeout=30)
    own_servers.processes.remove(rasa)
    own_servers.start_rasa()
    # The next turn still knows the topic: the tracker came back from the SQLite store.
    assert fact("recovery") in texts(own_servers.ask("and how long does that take?", sender))


def restart_rasa(servers):
    rasa = next(p for p in servers.processes if "run" in p.args and "actions" not in p.args)
    rasa.terminate()
    rasa.wait(timeout=30)
    servers.processes.remove(rasa)
    servers.start_rasa()


def test_sms_opt_out_and_choices_survive_a_restart(own_servers):
    """STOP, restart, a question: no message. A menu before the restart, "1" after it: the
    answer. START: answered again (storage/sms_state.py, in the tracker store's database)."""
    from tests.e2e.test_sms import WHAT_IS, new_number, sms

    if not any("actions" in p.args for p in own_servers.processes):
        own_servers.start_actions()
    stopped, menu = new_number(), new_number()
    assert "unsubscribed" in sms(own_servers, stopped, "STOP")
    assert "Reply 1 for" in sms(own_servers, menu, "hi")
    restart_rasa(own_servers)
    assert sms(own_servers, stopped, "how long is recovery") == ""
    assert WHAT_IS in sms(own_servers, menu, "1")
    assert "resubscribed" in sms(own_servers, stopped, "START")
    assert fact("recovery") in sms(own_servers, stopped, "how long is recovery")


def test_identifiers_are_not_stored(phone, own_servers):
    """A patient's identifiers reach the answer's understanding but not the database."""
    import sqlite3

    sender = uuid.uuid4().hex
    reply = texts(
        own_servers.ask(
            "Hi my name is Margaret Olsen, DOB 03/14/1941, MRN 00482913, I live at 12 Elm St, my "
            "cell is 847-555-0199. When do I arrive?",
            sender,
        )
    )
    assert reply  # answered
    with sqlite3.connect(own_servers.env["TRACKER_DB"]) as connection:
        stored = " ".join(
            row[0]
            for row in connection.execute("SELECT data FROM events WHERE sender_id = ?", (sender,))
        )
    assert "[NAME]" in stored and "[PHONE]" in stored
    for identifier in ("Margaret", "Olsen", "03/14/1941", "00482913", "Elm St", "555-0199"):
        assert identifier not in stored
    # Nor the server's log (INFO, the default level).
    logged = (own_servers.log_dir / "rasa.log").read_text(errors="replace")
    for identifier in ("Margaret", "Olsen", "03/14/1941", "00482913", "Elm St", "555-0199"):
        assert identifier not in logged


def test_ready_names_the_action_server_when_it_is_down(own_servers):
    import requests

    for process in [p for p in own_servers.processes if "actions" in p.args]:
        process.terminate()
        process.wait(timeout=30)
        own_servers.processes.remove(process)
    reply = requests.get(own_servers.url + "/webhooks/ops/ready", timeout=10)
    assert reply.status_code == 503
    assert reply.json()["failed"] == ["action_server"]
    assert reply.json()["checks"]["tracker_store"] == "ok"
    own_servers.start_actions()
    assert requests.get(own_servers.url + "/webhooks/ops/ready", timeout=10).status_code == 200
