"""Browser tests: the real action server, Rasa, scripts/serve_web.py and headless Chromium.

Chromium and chromedriver come from Debian (`apt-get install chromium chromium-driver`); a
missing one FAILS the tests with that hint instead of skipping them, so a CI without a browser
cannot pass silently.
"""

import os
from pathlib import Path
from typing import Iterator

import pytest

from tests.browser.helpers import AXE
from tests.e2e.servers import ROOT, Servers

CHROMIUM = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")


def _require(path: str, what: str) -> None:
    if not (Path(path).is_file() and os.access(path, os.X_OK)):
        pytest.fail(
            f"{what} not found at {path}: install it with "
            f"`sudo apt-get install -y chromium chromium-driver` (Debian), "
            f"or set CHROMIUM_BINARY / CHROMEDRIVER.",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def web_servers(servers) -> Iterator[Servers]:
    _require(CHROMIUM, "Chromium")
    _require(CHROMEDRIVER, "chromedriver")
    for needed in (ROOT / "web/node_modules/rasa-webchat/lib/index.js", AXE):
        if not needed.exists():
            pytest.fail(f"{needed} is missing: run `npm ci` in web/.", pytrace=False)
    yield servers


def _options():
    from selenium.webdriver.chrome.options import Options

    options = Options()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
        "--lang=en-US",
        # Nothing but this machine resolves: the pages must work offline.
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
    ):
        options.add_argument(flag)
    # Network events (every request the page makes) and console messages.
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    return options


@pytest.fixture
def browser(web_servers):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=_options())
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    driver.requested_urls = set()
    try:
        yield driver
    finally:
        driver.quit()
