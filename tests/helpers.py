"""What tests import: project paths, YAML and config readers, the domain, event and tracker
builders for the custom actions (as in RasaHQ's financial-demo), the page's facts (from
tests/data/allowed_facts.yml: tests never write a fact themselves), and the Rasa patches for
tests that run Rasa in-process. Fixtures live in the conftest.py files and call these.
"""

import re
import uuid
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional

import yaml

from vertebro import settings
from vertebro.names import REST_CHANNEL

ROOT = Path(__file__).resolve().parent.parent
FACTS_FILE = "tests/data/allowed_facts.yml"

# Short kiosk timeouts so the idle reset can be watched in a browser test.
KIOSK_IDLE_SECONDS = 4
KIOSK_WARN_SECONDS = 2


def load_yaml(relative: str):
    with open(ROOT / relative, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def component_config(name: str) -> dict:
    """The settings config.yml gives a pipeline component or policy (its `name` left out)."""
    try:
        entry = settings.component_config(name)
    except settings.SettingsError as error:
        raise KeyError(str(error)) from error
    return {k: v for k, v in entry.items() if k != "name"}


@lru_cache(maxsize=1)
def domain() -> Dict[str, Any]:
    return load_yaml("domain.yml")


def phone() -> str:
    return settings.phone()


def tel_link(number: str) -> str:
    """The tel: link a call button for `number` (a US line, as the page's) dials: tel:+1 and
    its ten digits. Spelled out here, not with actions.contact.tel_uri, so that a test of a
    button does not build its expectation with the code it tests."""
    return "tel:+1" + re.sub(r"\D", "", number)[-10:]


# --- the page's facts (docs/changing-a-fact.md) -------------------------------------------


@lru_cache(maxsize=1)
def allowed_facts() -> Dict[str, Any]:
    """tests/data/allowed_facts.yml: `facts` (key, phrase, page, topic) and `safety`."""
    return load_yaml(FACTS_FILE)


def page_facts() -> List[Dict[str, Any]]:
    return allowed_facts()["facts"]


def fact(key: str, language: str = "en") -> str:
    """The words the answers use for one fact of the page, e.g. fact("recovery") is the
    recovery time as utter_recovery states it; fact("recovery", "es") as its Spanish does."""
    for entry in page_facts():
        if entry["key"] == key:
            return entry["phrase"] if language == "en" else entry[language]
    raise KeyError(f"no fact {key!r} in {FACTS_FILE}: {sorted(e['key'] for e in page_facts())}")


def all_fact_phrases() -> List[str]:
    """Every fact each answer of one topic gives (times, spans, counts), for checks that an
    answer gives none of them (out of scope, a cleared screen, redaction). Leaves out the
    phone line, which any answer may give (`in_any_answer`)."""
    return [entry["phrase"] for entry in page_facts() if not entry.get("in_any_answer")]


def apply_rasa_patches() -> None:
    """As `python -m vertebro` does before any Rasa command (vertebro/rasa_patches.py)."""
    from vertebro import rasa_patches

    rasa_patches.apply()


# --- events and trackers for the custom actions ------------------------------------------


def user_event(
    text: str, intent: str, entities=None, channel: str = REST_CHANNEL
) -> Dict[str, Any]:
    return {
        "event": "user",
        "text": text,
        "parse_data": {
            "intent": {"name": intent, "confidence": 0.99},
            "entities": entities or [],
            "text": text,
        },
        "input_channel": channel,
    }


def bot_event(utter_action: str, text: str = "...") -> Dict[str, Any]:
    return {"event": "bot", "text": text, "metadata": {"utter_action": utter_action}}


def medication(value: str, start: int = 0) -> Dict[str, Any]:
    return {
        "entity": "medication",
        "value": value,
        "start": start,
        "end": start + len(value),
        "extractor": "SpacyEntityExtractor",
    }


def initial_slots() -> Dict[str, Any]:
    """Every slot of the domain at its initial value, as a new conversation has them."""
    return {name: spec.get("initial_value") for name, spec in domain()["slots"].items()}


def make_tracker(
    text: str = "hello",
    intent: str = "greet",
    entities: Optional[List] = None,
    channel: str = REST_CHANNEL,
    history: Optional[List[Dict[str, Any]]] = None,
    slots: Optional[Dict[str, Any]] = None,
):
    """A tracker whose latest message is `text` with `intent`, after `history` events, with the
    domain's slots (their initial values, then `slots`)."""
    from rasa_sdk import Tracker

    latest = user_event(text, intent, entities, channel)
    events = (
        [{"event": "action", "name": "action_session_start"}, {"event": "session_started"}]
        + (history or [])
        + [latest]
    )
    all_slots = initial_slots()
    unknown = set(slots or {}) - set(all_slots)
    if unknown:
        raise KeyError(f"not slots of domain.yml: {sorted(unknown)}")
    all_slots.update(slots or {})
    return Tracker(
        sender_id="test-patient",
        slots=all_slots,
        latest_message=latest["parse_data"],
        events=events,
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def sms_params(number: str, body: Optional[str], **extra: str) -> Dict[str, str]:
    """A Twilio inbound-SMS form from `number` (no Body when `body` is None)."""
    params = {
        "From": number,
        "To": "+15555550100",
        "MessageSid": "SM" + uuid.uuid4().hex,
        "AccountSid": "AC" + uuid.uuid4().hex,
        "NumMedia": "0",
    }
    if body is not None:
        params["Body"] = body
    params.update(extra)
    return {key: value for key, value in params.items() if value is not None}
