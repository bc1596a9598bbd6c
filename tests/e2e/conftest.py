import pytest

from tests.e2e.servers import ROOT, Servers


@pytest.fixture(scope="session")
def servers():
    running = Servers(ROOT / "results" / "e2e-logs").start()
    yield running
    running.stop()
