"""Shared test helpers: project paths, the domain, and the one set of running servers."""
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


def load_yaml(relative: str):
    with open(ROOT / relative, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def component_config(name: str) -> dict:
    """The settings config.yml gives a pipeline component or policy (its `name` left out)."""
    config = load_yaml("config.yml")
    for entry in config["pipeline"] + config["policies"]:
        if entry["name"] == name:
            return {k: v for k, v in entry.items() if k != "name"}
    raise KeyError(f"{name} is not in config.yml")


@pytest.fixture(scope="session")
def domain():
    return load_yaml("domain.yml")


@pytest.fixture(scope="session")
def phone(domain):
    return domain["slots"]["phone"]["initial_value"]


# Short kiosk timeouts so the idle reset can be watched in a browser test.
KIOSK_IDLE_SECONDS = 4
KIOSK_WARN_SECONDS = 2


@pytest.fixture(scope="session")
def servers():
    """The real action server, Rasa server and web server, shared by every e2e and browser
    test of the session (one Rasa, about 1 GB, instead of one per test folder)."""
    from scripts.servers import Servers

    running = Servers(ROOT / "results" / "e2e-logs", extra_env={
        "KIOSK_IDLE_SECONDS": str(KIOSK_IDLE_SECONDS),
        "KIOSK_WARN_SECONDS": str(KIOSK_WARN_SECONDS),
        # A burst of 10, then a refill so slow that the rate-limit tests do not depend on how
        # fast a loaded machine answers (no test conversation sends more than 10 messages).
        "RATE_LIMIT_PER_MINUTE": "1",
        "RATE_LIMIT_BURST": "10",
    })
    try:
        running.start()
        running.start_web()
        yield running
    finally:
        running.stop()
