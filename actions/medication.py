"""Which blood thinner the patient named, so the answer can name it."""

from functools import lru_cache
from pathlib import Path
from typing import Dict, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import DomainDict, Events, ProjectAction
from vertebro.names import LANGUAGE_SLOT

PATTERNS_FILE = (
    Path(__file__).resolve().parent.parent / "data" / "spacy" / "medication_patterns.txt"
)


@lru_cache(maxsize=1)
def canonical_names() -> Dict[Text, Text]:
    """spelling (lower case) -> canonical name, from the same file the entity ruler is built from."""
    names = {}
    for line in PATTERNS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            canonical, _, spelling = line.partition(":")
            names[(spelling.strip() or canonical.strip()).lower()] = canonical.strip()
    return names


AND = {"en": "and", "es": "y"}  # joins two names in the conversation's language


def named_medication(tracker: Tracker) -> Optional[Text]:
    """The medicine named in the latest message, in its usual spelling, or None."""
    found = []
    for value in tracker.get_latest_entity_values("medication"):
        name = canonical_names().get(" ".join(str(value).lower().split()), str(value))
        if name not in found:
            found.append(name)
    if not found:
        return None
    if len(found) == 1:
        return found[0]
    word = AND.get(tracker.get_slot(LANGUAGE_SLOT) or "en", AND["en"])
    return ", ".join(found[:-1]) + f" {word} " + found[-1]


class ActionIdentifyMedication(ProjectAction):
    """Put the medicine named in this message (or nothing) in the `medication` slot.

    The answers (utter_blood_thinners, utter_medical_advice) name it when it is set.
    """

    NAME = "action_identify_medication"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Events:
        medication = named_medication(tracker)
        return [
            SlotSet("medication", medication),
            SlotSet("medication_named", medication is not None),
        ]
