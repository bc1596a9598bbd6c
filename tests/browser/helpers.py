"""What the browser tests import: the page's requests, screenshots and axe-core."""

import json
from pathlib import Path
from typing import Dict, List, Set
from urllib.parse import urlsplit

from tests.helpers import KIOSK_IDLE_SECONDS, KIOSK_WARN_SECONDS, ROOT  # noqa: F401 (for tests)

SCREENSHOTS = ROOT / "results" / "screenshots"
AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


# The topic buttons of the widget and the kiosk in English, in order (their Spanish titles are in
# tests/browser/test_spanish.py).
TOPICS_EN = [
    "What is it?",
    "When to arrive",
    "Blood thinners",
    "How long it takes",
    "Will I be awake?",
    "Recovery",
    "Pain relief",
    "Follow-up visit",
    "Scheduling",
]


def requested_urls(driver) -> Set[str]:
    """Every URL the browser asked for since the last call (from Chrome's performance log)."""
    urls = set()
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") in ("Network.requestWillBeSent", "Network.webSocketCreated"):
            params = message["params"]
            url = params.get("request", {}).get("url") or params.get("url")
            if url:
                urls.add(url)
    driver.requested_urls |= urls
    return driver.requested_urls


def third_party(urls: Set[str]) -> List[str]:
    return sorted(
        url
        for url in urls
        if urlsplit(url).scheme not in ("data", "blob", "about")
        and urlsplit(url).hostname not in LOCAL_HOSTS
    )


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
        ".then(function (r) { done(r); }, function (e) { done({error: String(e)}); });"
    )
