"""The website widget (rasa-webchat 1.0.1) on the demo page, in headless Chromium, against the
real Rasa socket.io channel and action server."""

import json
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.helpers import (
    WAIT,
    conversation_text,
    requested_urls,
    run_axe,
    screenshot,
    third_party,
    wait_for_text,
)
from tests.browser.helpers import open_widget as open_page_widget
from tests.helpers import fact, tel_link

pytestmark = pytest.mark.e2e

GREETING = "I can answer questions about your vertebroplasty"
XSS = '<img src=x onerror="window.__xss=1">'


def open_widget(driver, url: str) -> None:
    """The widget opened, with its English greeting shown."""
    open_page_widget(driver, url)
    wait_for_text(driver, GREETING)


def ask(driver, text: str) -> None:
    box = WebDriverWait(driver, WAIT).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "#assistant-widget textarea.rw-new-message")
    )
    box.send_keys(text)
    box.send_keys(Keys.ENTER)


def reply_button(driver, title: str):
    def find(d):
        for element in d.find_elements(By.CSS_SELECTOR, "#assistant-widget .rw-reply"):
            if element.text.strip() == title and element.is_displayed():
                return element
        return False

    return WebDriverWait(driver, WAIT).until(find, message=f"no quick reply {title!r}")


def session_id(driver) -> str:
    stored = driver.execute_script("return window.sessionStorage.getItem('chat_session')")
    return json.loads(stored)["session_id"] if stored else None


def test_greeting_then_a_typed_question_is_answered(browser, web_servers):
    open_widget(browser, web_servers.web_url)
    ask(browser, "how long is recovery")
    wait_for_text(browser, fact("recovery"))
    assert "how long is recovery" in conversation_text(browser)
    screenshot(browser, "widget-answer")


def test_quick_replies_send_their_topic(browser, web_servers):
    open_widget(browser, web_servers.web_url)
    reply_button(browser, "How long is recovery?").click()
    wait_for_text(browser, fact("recovery"))
    # The answer's own follow-up buttons work from the keyboard too (Enter on a focused reply).
    follow_up = reply_button(browser, "When will my pain ease?")
    assert follow_up.get_attribute("role") == "button"
    assert follow_up.get_attribute("tabindex") == "0"
    follow_up.send_keys(Keys.ENTER)
    wait_for_text(browser, fact("pain_relief"))


def test_handoff_offers_a_tap_to_call_link(browser, web_servers):
    open_widget(browser, web_servers.web_url)
    ask(browser, "i need to reschedule")
    wait_for_text(browser, fact("phone"))
    link = WebDriverWait(browser, WAIT).until(
        lambda d: d.find_element(By.CSS_SELECTOR, '#assistant-widget a.rw-reply[href^="tel:"]'),
        message="no tap-to-call link",
    )
    assert link.get_attribute("href") == tel_link(fact("phone"))
    assert link.is_displayed()
    assert fact("phone") in link.text
    assert link.get_attribute("rel") == "noopener noreferrer"
    screenshot(browser, "widget-tap-to-call")
    # It is a link, not a quick reply that would send "tel:..." to the bot: it stays after the
    # next message, so the patient can still tap it.
    ask(browser, "thank you")
    wait_for_text(browser, "You are welcome")
    assert browser.find_element(
        By.CSS_SELECTOR, f'#assistant-widget a.rw-reply[href="{tel_link(fact("phone"))}"]'
    ).is_displayed()


def test_a_reload_keeps_the_conversation(browser, web_servers):
    open_widget(browser, web_servers.web_url)
    ask(browser, "how long is recovery")
    wait_for_text(browser, fact("recovery"))
    before = session_id(browser)
    assert before

    browser.refresh()
    wait_for_text(browser, fact("recovery"))
    assert "how long is recovery" in conversation_text(browser)
    assert session_id(browser) == before
    # ... and it goes on in the same conversation.
    ask(browser, "who does the procedure")
    wait_for_text(browser, "interventional radiologist")
    assert session_id(browser) == before
    # Kept for this tab only: nothing in localStorage or cookies.
    assert browser.execute_script("return [localStorage.length, document.cookie]") == [0, ""]


def test_a_new_tab_starts_a_new_conversation(browser, web_servers):
    open_widget(browser, web_servers.web_url)
    ask(browser, "how long is recovery")
    wait_for_text(browser, fact("recovery"))
    first = session_id(browser)

    browser.switch_to.new_window("tab")
    open_widget(browser, web_servers.web_url)
    assert fact("recovery") not in conversation_text(browser)
    assert "how long is recovery" not in conversation_text(browser)
    second = session_id(browser)
    assert second and second != first


def test_html_typed_by_a_patient_is_shown_as_text(browser, web_servers):
    open_widget(browser, web_servers.web_url)
    ask(browser, XSS)
    wait_for_text(browser, XSS)
    # Wait for the bot's reply to it, so any rendering is done.
    WebDriverWait(browser, WAIT).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, "#assistant-widget .rw-response")) >= 2
    )
    assert browser.execute_script("return window.__xss") is None
    assert not browser.find_elements(By.CSS_SELECTOR, '#assistant-widget img[src="x"]')


def test_html_in_a_bot_message_is_shown_as_text(browser, web_servers):
    """Bot text goes through rasa-webchat's markdown renderer: raw HTML must come out as text,
    and a javascript: link must run nothing in the page.

    No response of this bot repeats what the patient typed, so the message is put into the
    stored conversation, which the widget renders with the same component on reload."""
    open_widget(browser, web_servers.web_url)
    html = XSS.replace("__xss=1", "__xss=2")
    browser.execute_script(
        """
        var stored = JSON.parse(sessionStorage.getItem('chat_session'));
        var message = JSON.parse(JSON.stringify(stored.conversation[0]));
        message.type = 'text';
        delete message.quick_replies;
        message.text = arguments[0] + ' [tap here](javascript:window.__xss=3)';
        stored.conversation.push(message);
        sessionStorage.setItem('chat_session', JSON.stringify(stored));
    """,
        html,
    )
    browser.refresh()
    wait_for_text(browser, html)
    assert not browser.find_elements(By.CSS_SELECTOR, '#assistant-widget img[src="x"]')
    page = browser.current_window_handle
    link = browser.find_element(By.LINK_TEXT, "tap here")
    link.click()
    time.sleep(1)
    # rasa-webchat 1.0.1 does not filter link URLs in bot markdown (transformLinkUri: null);
    # the page's Content-Security-Policy (script-src 'self') is what stops it.
    assert any(
        "JavaScript URL" in e["message"] and "Content Security Policy" in e["message"]
        for e in browser.get_log("browser")
    )
    for handle in browser.window_handles:
        if handle != page:
            browser.switch_to.window(handle)
            browser.close()
    browser.switch_to.window(page)
    assert browser.execute_script("return window.__xss") is None


def test_no_request_leaves_this_machine(browser, web_servers):
    """No Google Fonts or any other third-party request; the page works with no internet
    (the browser fixture resolves no host but this one)."""
    open_widget(browser, web_servers.web_url)
    ask(browser, "how long is recovery")
    wait_for_text(browser, fact("recovery"))
    urls = requested_urls(browser)
    assert any("/socket.io/" in url for url in urls), urls
    assert third_party(urls) == []
    # No Content-Security-Policy violation: the policy allows everything the widget needs.
    violations = [
        entry["message"]
        for entry in browser.get_log("browser")
        if "Content Security Policy" in entry["message"]
    ]
    assert violations == []
    families = browser.execute_script("""
        var el = document.querySelector('#assistant-widget .rw-response');
        return getComputedStyle(el).fontFamily;""")
    assert "Inter" not in families


def test_widget_has_no_serious_accessibility_violations(browser, web_servers):
    open_widget(browser, web_servers.web_url)
    reply_button(browser, "What is it?")
    result = run_axe(browser)
    assert "error" not in result, result
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_on_a_phone_the_chat_fills_the_screen_and_can_call(browser, web_servers):
    browser.set_window_size(412, 915)
    open_widget(browser, web_servers.web_url)
    ask(browser, "i need to reschedule")
    link = WebDriverWait(browser, WAIT).until(
        lambda d: d.find_element(By.CSS_SELECTOR, '#assistant-widget a.rw-reply[href^="tel:"]')
    )
    assert link.is_displayed()
    assert link.size["height"] >= 44
    width = browser.execute_script("return window.innerWidth")
    assert browser.execute_script("return document.documentElement.scrollWidth") <= width
    screenshot(browser, "widget-phone")
