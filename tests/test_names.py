"""The names code relies on (vertebro/names.py) are the domain's, config.yml's, Rasa's and the
channels'; each is written in one place only."""

import re
from pathlib import Path

import pytest
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME

from tests.helpers import ROOT, component_config, load_yaml
from vertebro import names, settings


def test_intents_are_the_domains(domain):
    assert names.FALLBACK_INTENT == DEFAULT_NLU_FALLBACK_INTENT_NAME
    intents = set(domain["intents"])
    for intent in names.SAFETY_INTENTS + (names.OUT_OF_SCOPE_INTENT,):
        assert intent in intents
    assert set(names.TIER_INTENTS.values()) == set(names.SAFETY_INTENTS)


def test_the_phone_slot_is_the_domains(domain):
    assert domain["slots"][names.PHONE_SLOT]["initial_value"] == settings.phone()


def test_the_channels_are_named_as_in_names():
    from channels.kiosk import KioskInput, KioskOutput
    from channels.rest import RestInput
    from channels.sms.channel import SmsInput, SmsOutput

    assert RestInput.name() == names.REST_CHANNEL
    assert KioskInput.name() == KioskOutput.name() == names.KIOSK_CHANNEL
    assert SmsInput.name() == SmsOutput.name() == names.SMS_CHANNEL
    from rasa.core.channels.channel import CollectingOutputChannel
    from rasa.core.channels.socketio import SocketIOOutput

    assert SocketIOOutput.name() == names.SOCKETIO_CHANNEL
    assert CollectingOutputChannel.name() == names.COLLECTOR_CHANNEL


# The components besides the FallbackClassifier that read "understood" from config.yml.
THRESHOLD_READERS = (
    "components.red_flags.RedFlagDetector",
    "components.same_reply.SameReplyIntents",
)


def test_one_threshold_for_understood():
    threshold = settings.fallback_threshold()
    assert (
        component_config("components.intent_classifier.LinearIntentClassifier")[
            "question_threshold"
        ]
        == threshold
    )
    for component in THRESHOLD_READERS:
        assert component_config(component)["threshold"] == threshold, component
    from scripts import report_unanswered

    assert report_unanswered.LOW_CONFIDENCE == threshold
    # Given once in config.yml: every other `threshold:` of the pipeline refers to it.
    text = (ROOT / "config.yml").read_text(encoding="utf-8")
    assert len(re.findall(r"^\s+question_threshold: &understood [0-9.]+$", text, re.M)) == 1
    assert (
        len(re.findall(r"^\s+threshold: \*understood$", text, re.M)) == len(THRESHOLD_READERS) + 1
    )  # the FallbackClassifier's (settings.fallback_threshold reads it)
    assert not re.findall(r"^\s+threshold: [0-9.]+$", text, re.M)


RUNTIME = ["actions", "channels", "components", "storage", "scripts"]
LITERALS = {
    names.FALLBACK_INTENT: "FALLBACK_INTENT",
    names.OUT_OF_SCOPE_INTENT + '"': "OUT_OF_SCOPE_INTENT",
    '"' + names.PHONE_SLOT + '"': "PHONE_SLOT",
}


@pytest.mark.parametrize("literal", sorted(LITERALS))
def test_no_module_writes_a_shared_name_as_a_literal(literal):
    """A shared name written out in runtime code drifts when it changes (comments aside)."""
    found = []
    for folder in RUNTIME:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                code = line.split("#")[0]
                if (
                    '"' + literal.strip('"') in code or "'" + literal.strip('"') in code
                ) and not code.lstrip().startswith(('"', "'")):
                    found.append(f"{Path(path).relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, f"use vertebro.names.{LITERALS[literal]}:\n" + "\n".join(found)


def test_rules_use_the_domains_safety_intents():
    rules = load_yaml("data/rules.yml")["rules"]
    ruled = {step["intent"] for rule in rules for step in rule["steps"] if "intent" in step}
    assert set(names.SAFETY_INTENTS) <= ruled
