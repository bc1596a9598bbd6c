"""What the browser tests import: the page's requests, screenshots and axe-core."""

import json
from pathlib import Path
from typing import Dict, List, Set
from urllib.parse import urlsplit

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

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


# --- the pages, as the tests drive them ------------------------------------------------------

WAIT = 30  # seconds a browser test waits for something to appear


def conversation_text(driver) -> str:
    """The website widget's conversation, as shown."""
    found = driver.find_elements(By.CSS_SELECTOR, "#assistant-widget .rw-messages-container")
    return found[0].text if found else ""


def wait_for_text(driver, text: str, timeout: float = WAIT) -> None:
    WebDriverWait(driver, timeout).until(
        lambda d: text in conversation_text(d), message=f"{text!r} did not appear in the widget"
    )


def open_widget(driver, url: str) -> None:
    """The demo page with the widget opened (its launcher clicked if it is closed)."""
    driver.get(url + "/")
    launcher = WebDriverWait(driver, WAIT).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#assistant-widget button.rw-launcher"),
        message="the widget's launcher button did not appear (is Rasa reachable?)",
    )[0]
    if not driver.find_elements(By.CSS_SELECTOR, "#assistant-widget .rw-conversation-container"):
        launcher.click()


def open_kiosk(driver, url: str) -> None:
    driver.set_window_size(1920, 1080)
    driver.get(url + "/kiosk/")
    WebDriverWait(driver, WAIT).until(lambda d: conversation_id(d))


def conversation_id(driver) -> str:
    return driver.execute_script("return document.body.dataset.conversation")


def log_text(driver) -> str:
    return driver.find_element(By.ID, "log").text


def entries(driver, kind: str = ""):
    return driver.find_elements(By.CSS_SELECTOR, f"#log .entry{'.' + kind if kind else ''}")
