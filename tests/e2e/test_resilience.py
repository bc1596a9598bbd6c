"""Faults that must not lose a patient: the action server down, and a Rasa restart."""
import uuid

import pytest

from tests.e2e.servers import ROOT, Servers, texts

pytestmark = pytest.mark.e2e

PHONE = "847.570.2160"


@pytest.fixture(scope="module")
def own_servers():
    """A separate set (its own SQLite tracker store), started without the action server."""
    running = Servers(ROOT / "results" / "resilience-logs", with_actions=False)
    for name in ("tracker.db", "tracker.db-wal", "tracker.db-shm"):  # SQLite in WAL mode
        (running.log_dir / name).unlink(missing_ok=True)
    running.start()
    yield running
    running.stop()


def test_action_server_down_faq_and_handoff_still_work(own_servers):
    assert "4 to 6 hours" in texts(own_servers.ask("how long is recovery"))
    # The hand-off text is a domain response: the number arrives even without the action.
    assert PHONE in texts(own_servers.ask("i need to reschedule my appointment"))
    assert "don't have that information" in texts(own_servers.ask("how much does it cost"))


def test_restart_keeps_the_conversation(own_servers):
    own_servers.start_actions()
    sender = uuid.uuid4().hex
    assert "4 to 6 hours" in texts(own_servers.ask("how long is recovery", sender))
    rasa = next(p for p in own_servers.processes if "run" in p.args and "actions" not in p.args)
    rasa.terminate()
    rasa.wait(timeout=30)
    own_servers.processes.remove(rasa)
    own_servers.start_rasa()
    # The next turn still knows the topic: the tracker came back from the SQLite store.
    assert "4 to 6 hours" in texts(own_servers.ask("and how long does that take?", sender))
