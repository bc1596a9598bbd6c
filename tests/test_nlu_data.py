"""The training and held-out NLU data: enough examples, and the test set really held out."""

import re
from collections import Counter
from pathlib import Path

from tests.helpers import ROOT, load_yaml


def examples(path: Path):
    data = load_yaml(str(path.relative_to(ROOT)))
    for block in data.get("nlu", []):
        if "intent" in block:
            for line in block["examples"].splitlines():
                line = line.strip()
                if line.startswith("- "):
                    yield block["intent"], line[2:].strip()


def normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s']", " ", text.lower()).split())


TRAIN = [e for p in sorted((ROOT / "data" / "nlu").rglob("*.yml")) for e in examples(p)]
HELD_OUT = list(examples(ROOT / "tests" / "nlu" / "test_nlu.yml"))


def test_every_domain_intent_has_at_least_15_training_examples(domain):
    counts = Counter(intent for intent, _ in TRAIN)
    for intent in domain["intents"]:
        assert counts[intent] >= 15, intent
    assert set(counts) == set(domain["intents"])


def test_held_out_set_is_large_and_covers_every_intent(domain):
    assert len(HELD_OUT) >= 150
    assert {intent for intent, _ in HELD_OUT} == set(domain["intents"])


def test_held_out_examples_are_not_in_the_training_data():
    train = {normal(text) for _, text in TRAIN}
    leaked = [text for _, text in HELD_OUT if normal(text) in train]
    assert not leaked


def test_no_training_example_is_given_two_intents():
    seen = {}
    for intent, text in TRAIN:
        assert seen.setdefault(normal(text), intent) == intent, text
