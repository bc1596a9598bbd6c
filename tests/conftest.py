"""Session fixtures: the domain, the phone line and the one set of running servers.
What tests import lives in tests/helpers.py."""

import pytest

from tests.helpers import KIOSK_IDLE_SECONDS, KIOSK_WARN_SECONDS, ROOT, load_yaml
from tests.helpers import phone as domain_phone


@pytest.fixture(scope="session")
def domain():
    return load_yaml("domain.yml")


@pytest.fixture(scope="session")
def phone():
    return domain_phone()


@pytest.fixture(scope="session")
def servers():
    """The real action server, Rasa server and web server, shared by every e2e and browser
    test of the session (one Rasa, about 1 GB, instead of one per test folder)."""
    from scripts.servers import Servers

    running = Servers(
        ROOT / "results" / "e2e-logs",
        extra_env={
            "KIOSK_IDLE_SECONDS": str(KIOSK_IDLE_SECONDS),
            "KIOSK_WARN_SECONDS": str(KIOSK_WARN_SECONDS),
            # A burst of 10, then a refill so slow that the rate-limit tests do not depend on how
            # fast a loaded machine answers (no test conversation sends more than 10 messages).
            "RATE_LIMIT_PER_MINUTE": "1",
            "RATE_LIMIT_BURST": "10",
        },
    )
    try:
        running.start()
        running.start_web()
        yield running
    finally:
        running.stop()
