"""Spanish in the website widget and the waiting-room kiosk (issue 14), in headless Chromium
against the real servers.

The language buttons send "Español" / "English" to the bot as a normal message; the page's own
texts are switched by widget.js/page.js and kiosk.js. The tests whose name ends in
`_answers_in_spanish` need the bilingual model (Spanish answers from the server); the others
check only what the pages do, and pass with any model.

The web server runs with KIOSK_IDLE_SECONDS=4 and KIOSK_WARN_SECONDS=2 (see conftest.py)."""

import json

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.helpers import (
    KIOSK_IDLE_SECONDS,
    KIOSK_WARN_SECONDS,
    TOPICS_EN,
    WAIT,
    conversation_id,
    entries,
    log_text,
    open_kiosk,
    open_widget,
    requested_urls,
    run_axe,
    screenshot,
    third_party,
    wait_for_text,
)
from tests.helpers import fact, tel_link

pytestmark = pytest.mark.e2e

GREETING_EN = "I can answer questions about your vertebroplasty"
RECOVERY_EN = fact("recovery")
RECOVERY_ES = fact("recovery", "es")
TOPICS_ES = [
    "¿Qué es?",
    "Cuándo llegar",
    "Anticoagulantes",
    "Cuánto dura",
    "¿Estaré consciente?",
    "Recuperación",
    "Alivio del dolor",
    "Cita de seguimiento",
    "Hacer una cita",
]
PAYLOADS = [
    "/ask_what_is",
    "/ask_arrival",
    "/ask_blood_thinners",
    "/ask_procedure_duration",
    "/ask_sedation",
    "/ask_recovery",
    "/ask_pain_relief",
    "/ask_follow_up",
    "/contact_scheduling",
]


def serious_violations(driver):
    result = run_axe(driver)
    assert "error" not in result, result
    return [
        (v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def page_lang(driver) -> str:
    return driver.execute_script("return document.documentElement.lang")


# --- website widget --------------------------------------------------------------------------


def ask_widget(driver, text: str) -> None:
    box = WebDriverWait(driver, WAIT).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "#assistant-widget textarea.rw-new-message")
    )
    box.send_keys(text)
    box.send_keys(Keys.ENTER)


def sent_messages(driver):
    """What the patient's side of the widget shows (the messages sent to the bot)."""
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#assistant-widget .rw-client")]


def widget_texts(driver) -> dict:
    return driver.execute_script("""
        var w = document.getElementById('assistant-widget');
        function q(s) { return w.querySelector(s); }
        function label(s) { return q(s) && q(s).getAttribute('aria-label'); }
        return {
          lang: document.documentElement.lang,
          widgetLang: w.getAttribute('lang'),
          documentTitle: document.title,
          title: q('.rw-title') && q('.rw-title').textContent,
          subtitle: q('.rw-header span') && q('.rw-header span').textContent,
          placeholder: q('textarea.rw-new-message') && q('textarea.rw-new-message').placeholder,
          launcher: label('button.rw-launcher'),
          send: label('button.rw-send'),
          box: label('textarea.rw-new-message'),
          log: label('.rw-messages-container'),
          heading: document.querySelector('h1').textContent,
          skip: document.querySelector('.skip-link').textContent,
          stored: sessionStorage.getItem('assistant_language'),
          toggles: Array.from(document.querySelectorAll('#language-toggle, .rw-language'))
            .map(b => [b.textContent, b.getAttribute('lang')])
        };""")


def session_id(driver) -> str:
    stored = driver.execute_script("return window.sessionStorage.getItem('chat_session')")
    return json.loads(stored)["session_id"] if stored else None


def test_widget_page_switches_to_spanish_and_back(browser, web_servers):
    open_widget(browser, web_servers.web_url)
    wait_for_text(browser, GREETING_EN)
    english = widget_texts(browser)
    assert english["lang"] == "en" and english["widgetLang"] == "en"
    assert english["toggles"] == [["Español", "es"], ["Español", "es"]]
    first_session = session_id(browser)

    # The page's button, from the keyboard.
    toggle = browser.find_element(By.ID, "language-toggle")
    assert toggle.is_displayed()
    toggle.send_keys(Keys.ENTER)
    WebDriverWait(browser, WAIT).until(lambda d: page_lang(d) == "es")
    spanish = widget_texts(browser)
    assert spanish == {
        "lang": "es",
        "widgetLang": "es",
        "documentTitle": "Vertebroplastia – Radiología Intervencionista (página de demostración)",
        "title": "Preguntas sobre su procedimiento",
        "subtitle": "Un asistente de computadora, no una persona",
        "placeholder": "Escriba su pregunta aquí",
        "launcher": "Abrir o cerrar el chat",
        "send": "Enviar",
        "box": "Escriba su pregunta",
        "log": "Conversación",
        "heading": "Vertebroplastia",
        "skip": "Ir al contenido principal",
        "stored": "es",
        "toggles": [["English", "en"], ["English", "en"]],
    }
    assert browser.find_element(By.CSS_SELECTOR, ".rw-title").is_displayed()
    assert "En una emergencia, llame al 911" in browser.find_element(By.TAG_NAME, "main").text
    # The tap-to-call link is still the same link.
    call = f'main a[href="{tel_link(fact("phone"))}"]'
    assert browser.find_element(By.CSS_SELECTOR, call).is_displayed()
    # "Español" went to the bot through the widget, in the same conversation.
    WebDriverWait(browser, WAIT).until(lambda d: sent_messages(d) == ["Español"])
    assert session_id(browser) == first_session
    screenshot(browser, "widget-spanish")
    assert serious_violations(browser) == []

    # A reload keeps Spanish, and sends nothing again.
    browser.refresh()
    WebDriverWait(browser, WAIT).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#assistant-widget .rw-title")
    )
    after_reload = widget_texts(browser)
    assert (after_reload["lang"], after_reload["title"], after_reload["placeholder"]) == (
        "es",
        "Preguntas sobre su procedimiento",
        "Escriba su pregunta aquí",
    )
    assert session_id(browser) == first_session
    assert sent_messages(browser) == ["Español"]

    # The widget's own button switches back.
    browser.find_element(By.CSS_SELECTOR, "#assistant-widget button.rw-language").click()
    WebDriverWait(browser, WAIT).until(lambda d: page_lang(d) == "en")
    back = widget_texts(browser)
    for key in (
        "widgetLang",
        "documentTitle",
        "title",
        "subtitle",
        "placeholder",
        "launcher",
        "send",
        "box",
        "log",
        "heading",
        "skip",
        "toggles",
    ):
        assert back[key] == english[key], key
    assert back["stored"] == "en"
    WebDriverWait(browser, WAIT).until(lambda d: sent_messages(d) == ["Español", "English"])
    assert session_id(browser) == first_session
    assert serious_violations(browser) == []
    assert third_party(requested_urls(browser)) == []


def test_widget_toggle_on_a_phone_is_in_the_chat(browser, web_servers):
    """On a phone the chat covers the page: its own header has the button."""
    browser.set_window_size(412, 915)
    open_widget(browser, web_servers.web_url)
    wait_for_text(browser, GREETING_EN)
    button = browser.find_element(By.CSS_SELECTOR, "#assistant-widget button.rw-language")
    assert button.is_displayed()
    assert button.size["height"] >= 44
    button.click()
    WebDriverWait(browser, WAIT).until(lambda d: page_lang(d) == "es")
    assert browser.find_element(By.CSS_SELECTOR, ".rw-title").text == (
        "Preguntas sobre su procedimiento"
    )
    width = browser.execute_script("return window.innerWidth")
    assert browser.execute_script("return document.documentElement.scrollWidth") <= width
    screenshot(browser, "widget-phone-spanish")
    assert serious_violations(browser) == []


def test_widget_answers_in_spanish(browser, web_servers):
    """Needs the bilingual model: the bot's Spanish answers."""
    open_widget(browser, web_servers.web_url)
    wait_for_text(browser, GREETING_EN)
    browser.find_element(By.ID, "language-toggle").click()
    WebDriverWait(browser, WAIT).until(lambda d: page_lang(d) == "es")
    assert browser.find_element(By.CSS_SELECTOR, "textarea.rw-new-message").get_attribute(
        "placeholder"
    ) == ("Escriba su pregunta aquí")
    # The bot's Spanish greeting, then a Spanish question.
    wait_for_text(browser, "vertebroplastia")
    ask_widget(browser, "¿Cuánto dura la recuperación?")
    wait_for_text(browser, RECOVERY_ES)
    screenshot(browser, "widget-spanish-answer")
    assert serious_violations(browser) == []

    browser.find_element(By.ID, "language-toggle").click()
    WebDriverWait(browser, WAIT).until(lambda d: page_lang(d) == "en")
    ask_widget(browser, "how long is recovery")
    wait_for_text(browser, RECOVERY_EN)


# --- waiting-room kiosk ----------------------------------------------------------------------


def topics(driver):
    return [
        [b.text, b.get_attribute("data-payload")]
        for b in driver.find_elements(By.CSS_SELECTOR, "button.topic")
    ]


def dialog_open(driver) -> bool:
    return driver.execute_script("return document.getElementById('idle').open")


def kiosk_texts(driver) -> dict:
    return driver.execute_script("""
        function t(s) { return document.querySelector(s).textContent.replace(/\\s+/g, ' ').trim(); }
        return {
          lang: document.documentElement.lang,
          documentTitle: document.title,
          title: t('h1'),
          startOver: t('#start-over'),
          language: [t('#language'), document.getElementById('language').getAttribute('lang')],
          topicsHeading: t('#topics-heading'),
          answersHeading: t('#answers-heading'),
          welcome: t('#welcome'),
          label: t('label[for=question]'),
          ask: t('button.send'),
          privacy: t('.privacy'),
          idleHeading: t('#idle-heading'),
          idleText: t('#idle-text'),
          stillHere: t('#still-here')
        };""")


KIOSK_ES = {
    "lang": "es",
    "documentTitle": "Preguntas sobre su vertebroplastia",
    "title": "Preguntas sobre su vertebroplastia",
    "startOver": "Empezar de nuevo",
    "language": ["English", "en"],
    "topicsHeading": "Toque un tema",
    "answersHeading": "Respuestas",
    "welcome": "Toque un tema o escriba su pregunta abajo. Este es un asistente de computadora, "
    "no una persona.",
    "label": "Escriba su pregunta",
    "ask": "Preguntar",
    "privacy": "Otras personas usan esta pantalla. Se borra sola cuando usted termina.",
    "idleHeading": "¿Sigue ahí?",
    "idleText": f"Para proteger su privacidad, la pantalla se va a borrar en "
    f"{KIOSK_WARN_SECONDS} segundos.",
    "stillHere": "Sí, sigo aquí",
}


def test_kiosk_switches_to_spanish_then_the_idle_reset_returns_to_english(browser, web_servers):
    open_kiosk(browser, web_servers.web_url)
    english = kiosk_texts(browser)
    assert english["lang"] == "en" and english["language"] == ["Español", "es"]
    assert topics(browser) == [list(pair) for pair in zip(TOPICS_EN, PAYLOADS)]
    first = conversation_id(browser)

    browser.find_element(By.ID, "language").click()
    assert kiosk_texts(browser) == KIOSK_ES
    # Same payloads, Spanish labels.
    assert topics(browser) == [list(pair) for pair in zip(TOPICS_ES, PAYLOADS)]
    # "Español" went to the bot as the patient's message, in the same conversation.
    [question] = entries(browser, "question")
    assert question.text.endswith("Español")
    assert "Usted preguntó:" in question.get_attribute("textContent")
    WebDriverWait(browser, WAIT).until(lambda d: len(entries(d, "answer")) >= 1)
    assert conversation_id(browser) == first
    assert "Respuesta:" in entries(browser, "answer")[0].get_attribute("textContent")
    screenshot(browser, "kiosk-spanish")
    assert serious_violations(browser) == []

    # The idle warning in Spanish (the screen has a conversation on it)...
    WebDriverWait(browser, KIOSK_IDLE_SECONDS + 5).until(
        dialog_open, message="no '¿Sigue ahí?' after the idle time"
    )
    warning = browser.find_element(By.ID, "idle").text
    assert "¿Sigue ahí?" in warning and "Sí, sigo aquí" in warning
    assert "segundo" in warning
    assert serious_violations(browser) == []
    screenshot(browser, "kiosk-spanish-warning")

    # ... then the reset: a new patient, in English.
    WebDriverWait(browser, KIOSK_WARN_SECONDS + 5).until(
        lambda d: not dialog_open(d), message="the warning did not time out"
    )
    assert entries(browser) == []
    assert conversation_id(browser) != first
    reset = kiosk_texts(browser)
    assert reset["lang"] == "en"
    for key in english:
        if key != "idleText":  # the countdown number may differ
            assert reset[key] == english[key], key
    assert topics(browser) == [list(pair) for pair in zip(TOPICS_EN, PAYLOADS)]
    assert browser.execute_script(
        "return [localStorage.length, sessionStorage.length, document.cookie]"
    ) == [0, 0, ""]


def test_kiosk_start_over_and_toggle_back_return_to_english(browser, web_servers):
    open_kiosk(browser, web_servers.web_url)
    browser.find_element(By.ID, "language").click()
    assert page_lang(browser) == "es"
    WebDriverWait(browser, WAIT).until(lambda d: len(entries(d, "answer")) >= 1)

    # "English" switches back in the same conversation.
    first = conversation_id(browser)
    browser.find_element(By.ID, "language").click()
    assert kiosk_texts(browser)["startOver"] == "Start over"
    assert page_lang(browser) == "en"
    assert [e.find_element(By.TAG_NAME, "p").text for e in entries(browser, "question")] == [
        "Español",
        "English",
    ]
    assert conversation_id(browser) == first

    # "Start over" in Spanish: a clean screen in English for whoever comes next.
    browser.find_element(By.ID, "language").click()
    assert page_lang(browser) == "es"
    browser.find_element(By.ID, "start-over").click()
    assert page_lang(browser) == "en"
    assert entries(browser) == []
    assert [t for t, _ in topics(browser)] == TOPICS_EN
    assert browser.find_element(By.ID, "welcome").is_displayed()


def test_kiosk_spanish_text_is_large_and_fits(browser, web_servers):
    """Longer Spanish labels still fit: no text below 24px, no target below 64px, no sideways
    scrolling, landscape and portrait."""
    open_kiosk(browser, web_servers.web_url)
    browser.find_element(By.ID, "language").click()
    WebDriverWait(browser, WAIT).until(lambda d: len(entries(d, "answer")) >= 1)
    for width, height in ((1920, 1080), (1080, 1920)):
        browser.set_window_size(width, height)
        small_text = browser.execute_script("""
            return Array.from(document.querySelectorAll('body *'))
              .filter(e => e.offsetParent !== null && e.childNodes.length &&
                      Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim())
                      && !e.closest('.visually-hidden') &&
                      parseFloat(getComputedStyle(e).fontSize) < 24)
              .map(e => e.tagName + ': ' + e.textContent.trim().slice(0, 40));""")
        assert small_text == []
        small_targets = browser.execute_script("""
            return Array.from(document.querySelectorAll('button, input'))
              .filter(e => e.offsetParent !== null)
              .map(e => [e.textContent.trim() || e.id, e.getBoundingClientRect()])
              .filter(([name, r]) => r.height < 64 || r.width < 64)
              .map(([name, r]) => name + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));""")
        assert small_targets == []
        overflowing = browser.execute_script("""
            return Array.from(document.querySelectorAll('button'))
              .filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)
              .map(e => e.textContent.trim());""")
        assert overflowing == []
        inner = browser.execute_script("return window.innerWidth")
        assert browser.execute_script("return document.documentElement.scrollWidth") <= inner
        screenshot(browser, f"kiosk-spanish-{width}x{height}")


def test_kiosk_topic_answers_in_spanish(browser, web_servers):
    """Needs the bilingual model: a topic button's answer in Spanish."""
    open_kiosk(browser, web_servers.web_url)
    browser.find_element(By.ID, "language").click()
    WebDriverWait(browser, WAIT).until(lambda d: len(entries(d, "answer")) >= 1)
    [recovery] = [
        b
        for b in browser.find_elements(By.CSS_SELECTOR, "button.topic")
        if b.text == "Recuperación"
    ]
    assert recovery.get_attribute("data-payload") == "/ask_recovery"
    recovery.click()
    WebDriverWait(browser, WAIT).until(
        lambda d: RECOVERY_ES in log_text(d), message=f"{RECOVERY_ES!r} did not appear"
    )
    assert entries(browser, "question")[-1].text.endswith("Recuperación")
    screenshot(browser, "kiosk-spanish-answer")
    assert serious_violations(browser) == []
