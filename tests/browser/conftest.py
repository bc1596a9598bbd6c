"""Browser tests: the real action server, Rasa, scripts/serve_web.py and headless Chromium.

Chromium and chromedriver come from Debian (`apt-get install chromium chromium-driver`); a
missing one FAILS the tests with that hint instead of skipping them, so a CI without a browser
cannot pass silently.
"""
import json
import os
from pathlib import Path
from typing import Dict, Iterator, List, Set
from urllib.parse import urlsplit

import pytest

from tests.e2e.servers import ROOT, Servers

CHROMIUM = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
SCREENSHOTS = ROOT / "results" / "screenshots"
AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
from tests.conftest import KIOSK_IDLE_SECONDS, KIOSK_WARN_SECONDS  # noqa: F401 (used by tests)
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def _require(path: str, what: str) -> None:
    if not (Path(path).is_file() and os.access(path, os.X_OK)):
        pytest.fail(f"{what} not found at {path}: install it with "
                    f"`sudo apt-get install -y chromium chromium-driver` (Debian), "
                    f"or set CHROMIUM_BINARY / CHROMEDRIVER.", pytrace=False)


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
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync",
                 "--window-size=1280,900", "--lang=en-US",
                 # Nothing but this machine resolves: the pages must work offline.
                 "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost"):
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


def requested_urls(driver) -> Set[str]:
    """Every URL the browser asked for since the last call (from Chrome's performance log)."""
    urls = set()
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") in ("Network.requestWillBeSent",
                                     "Network.webSocketCreated"):
            params = message["params"]
            url = params.get("request", {}).get("url") or params.get("url")
            if url:
                urls.add(url)
    driver.requested_urls |= urls
    return driver.requested_urls


def third_party(urls: Set[str]) -> List[str]:
    return sorted(url for url in urls
                  if urlsplit(url).scheme not in ("data", "blob", "about")
                  and urlsplit(url).hostname not in LOCAL_HOSTS)


def screenshot(driver, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


def run_axe(driver, context: str = "document") -> Dict:
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    return driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        f"axe.run({context}, {{resultTypes: ['violations']}})"
        ".then(function (r) { done(r); }, function (e) { done({error: String(e)}); });")
