"""Grade a reply the way a patient reads it: by its text, against the tags of a case.

A case (tests/data/patient_messages/README.md) lists the tags its reply must show (`expect`,
optionally in order) and must not show (`must_not`). How each tag is recognised is in
rubric.yml, written from the hospital's page, not from the assistant's answers.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "tests" / "data"
SETS_DIR = DATA_DIR / "patient_messages"
RUBRIC_FILE = SETS_DIR / "rubric.yml"
# The Spanish sets (issue 14) are graded with their own rubric, on the reply folded (lower
# case, no accents, no ¿¡: tests/data/patient_messages_es/README.md).
RUBRIC_FILES = {"en": RUBRIC_FILE, "es": DATA_DIR / "patient_messages_es" / "rubric_es.yml"}
# The frozen sets, each made of the files written for it (README.md in each folder).
SETS = {
    "heldout": ["patient_messages/heldout_voice.yml", "patient_messages/faq_heldout.yml"],
    "dev": ["patient_messages/dev_voice.yml", "patient_messages/faq_dev.yml"],
    # A second dev set, weighted to the safety tiers, sections and follow-ups (written after
    # the first measure on the held-out set, by a helper who saw neither other set).
    "dev2": ["patient_messages/dev2_voice.yml"],
    # A third dev set (issue 11, fourth session): safety tiers, look-alikes, out of scope and
    # several questions, by a helper who saw only the page, the README and the rubric.
    "dev3": ["patient_messages/dev3_voice.yml"],
    # A fourth, of look-alikes (60), emergencies (25) and crises (15) by helper-D4, same brief.
    "dev4": ["patient_messages/dev4_voice.yml"],
    # A fifth (helper-D5): look-alikes 55, emergencies 20, crises 10, warnings 15.
    "dev5": ["patient_messages/dev5_voice.yml"],
    # A sixth (helper-D6, session 6): look-alikes 30, out of scope 25, sections 20, shorthand
    # 15, single 10.
    "dev6": ["patient_messages/dev6_voice.yml"],
    # A seventh (helper-D7, session 7): look-alikes 25, emergencies 20, out of scope 20,
    # crises 12, warnings 10, long stories 10, several 8, follow-ups 8, single 7.
    "dev7": ["patient_messages/dev7_voice.yml"],
    # An eighth (helper-D8, session 8): look-alikes 20, emergencies 16, out of scope 14, single
    # 12, crises 10, warnings 10, several 10, long stories 10, shorthand 8, sections 6,
    # follow-ups 4. Run once, untouched, as the session's own measure before any was read.
    "dev8": ["patient_messages/dev8_voice.yml"],
    # A ninth (helper-D9, session 9): single 20, look-alikes 20, out of scope 18, sections 14,
    # several 12, follow-ups 10, emergencies 10, crises 6, warnings 6, shorthand 4. Run once,
    # untouched, as the session's own measure before any was read.
    "dev9": ["patient_messages/dev9_voice.yml"],
    # A tenth (helper-D10, session 10): look-alikes 20, out of scope 16, emergencies 14, single
    # 14, several 12, sections 10, follow-ups 10, long stories 8, crises 6, warnings 6,
    # shorthand 4. Run untouched (summary only) at the session's start and end.
    "dev10": ["patient_messages/dev10_voice.yml"],
    # An eleventh (helper-D11, session 10), safety-weighted: emergencies 40, look-alikes 30,
    # warnings 15, crises 15. Run once untouched, then read for the safety tiers.
    "dev11": ["patient_messages/dev11_voice.yml"],
    # A twelfth (helper-D12, session 10), emergencies in hard wordings 50, look-alikes 20,
    # crises 10. Run once untouched, then read for the safety tiers.
    "dev12": ["patient_messages/dev12_voice.yml"],
    # A thirteenth (helper-D13, session 10): emergencies 40, look-alikes 30, crises 10, both
    # ways hard. Run once untouched, then read for the safety tiers.
    "dev13": ["patient_messages/dev13_voice.yml"],
    # A fourteenth (helper-D14, session 10), safety in SMS style: emergencies 35, look-alikes
    # 25, crises 10. Run once untouched, then read for the safety tiers.
    "dev14": ["patient_messages/dev14_voice.yml"],
    # A fifteenth (helper-D15, session 10): sections 20, warnings 20, follow-ups 20, single 20,
    # several 20. Run once untouched, then read.
    "dev15": ["patient_messages/dev15_voice.yml"],
    "es_heldout": ["patient_messages_es/heldout_es.yml"],
    "es_dev": ["patient_messages_es/dev_es.yml"],
    # A second Spanish dev set, written the same way by another helper (helper-ES2).
    "es_dev2": ["patient_messages_es/dev2_es.yml"],
    # Spanish look-alikes (40), emergencies (20) and crises (10) by helper-D4.
    "es_dev4": ["patient_messages_es/dev4_es.yml"],
    # Spanish, helper-D5: look-alikes 30, emergencies 15, crises 8, warnings 7.
    "es_dev5": ["patient_messages_es/dev5_es.yml"],
    # Spanish, helper-D6 (session 6): long stories 15, follow-ups 12, out of scope 13,
    # look-alikes 12, several questions 8.
    "es_dev6": ["patient_messages_es/dev6_es.yml"],
    # Spanish, helper-D7 (session 7): emergencies 12, crises 8, warnings 6, look-alikes 14,
    # out of scope 16, long stories 8, several questions 6, follow-ups 5, single 5.
    "es_dev7": ["patient_messages_es/dev7_es.yml"],
    # Spanish, helper-ES8 (session 8): look-alikes 14, emergencies 12, out of scope 10, crises
    # 8, single 8, warnings 6, several 6, long stories 6, shorthand 6, sections 2, follow-ups 2.
    "es_dev8": ["patient_messages_es/dev8_es.yml"],
    # Spanish, helper-ES9 (session 9): single 16, out of scope 14, look-alikes 14, several 10,
    # sections 8, long stories 8, shorthand 8, emergencies 8, follow-ups 6, crises 4, warnings
    # 4. Run once, untouched, before any was read for improving.
    "es_dev9": ["patient_messages_es/dev9_es.yml"],
    # Spanish, helper-ES10 (session 10): out of scope 14, look-alikes 14, single 14,
    # emergencies 12, several 10, sections 8, follow-ups 8, long stories 8, shorthand 6,
    # crises 4, warnings 2. Run untouched (summary only) at the session's start and end.
    "es_dev10": ["patient_messages_es/dev10_es.yml"],
    # Spanish, helper-ES11 (session 10), safety-weighted: emergencies 32, look-alikes 24,
    # crises 12, warnings 12. Run once untouched, then read for the safety tiers.
    "es_dev11": ["patient_messages_es/dev11_es.yml"],
    # Spanish, helper-ES12 (session 10), emergencies in hard wordings 36, look-alikes 16,
    # crises 8. Run once untouched, then read for the safety tiers.
    "es_dev12": ["patient_messages_es/dev12_es.yml"],
    # Spanish, helper-ES13 (session 10): emergencies 30, look-alikes 22, crises 8, both ways
    # hard. Run once untouched, then read for the safety tiers.
    "es_dev13": ["patient_messages_es/dev13_es.yml"],
    # Spanish, helper-ES14 (session 10), safety in SMS style: emergencies 25, look-alikes 18,
    # crises 7. Run once untouched, then read for the safety tiers.
    "es_dev14": ["patient_messages_es/dev14_es.yml"],
    # Spanish, helper-ES15 (session 10): several 20, follow-ups 20, long stories 20, sections
    # 20. Run once untouched, then read.
    "es_dev15": ["patient_messages_es/dev15_es.yml"],
}


def set_language(name: str) -> str:
    return "es" if name.startswith("es_") else "en"


def fold(text: str) -> str:
    """How a Spanish reply is matched: lower case, accents and ¿¡ removed."""
    text = unicodedata.normalize("NFKD", text.lower())
    return (
        "".join(c for c in text if not unicodedata.combining(c)).replace("¿", "").replace("¡", "")
    )


# Tags that route a message to safety answers; a case that expects none of them must not
# show `escalated`, and no case may get "I did not understand".
ROUTES = {"route_emergency", "route_crisis", "route_care_team", "escalated"}
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass
class Check:
    all: List["re.Pattern"] = field(default_factory=list)
    any: List["re.Pattern"] = field(default_factory=list)
    lead: Optional[int] = None  # patterns must match in the first `lead` sentences
    lead_not: List["re.Pattern"] = field(default_factory=list)  # ...and these must not

    def shown_by(self, text: str) -> bool:
        scope = lead_of(text, self.lead) if self.lead else text
        if self.all and not all(p.search(scope) for p in self.all):
            return False
        if self.any and not any(p.search(scope) for p in self.any):
            return False
        if self.lead_not and any(p.search(lead_of(text, 2)) for p in self.lead_not):
            return False
        return True

    def position(self, text: str, start: int = 0) -> int:
        """Where the tag first shows in the text at or after `start` (-1: not there)."""
        patterns = self.all or self.any
        found = [m.start() for m in (p.search(text, start) for p in patterns) if m]
        return min(found) if found else -1


def lead_of(text: str, sentences: int) -> str:
    return " ".join(SENTENCE_END.split(text.strip())[:sentences])


def _compile(patterns: Sequence[str]) -> List["re.Pattern"]:
    return [re.compile(p, re.IGNORECASE) for p in patterns]


def load_rubric(path: Path = RUBRIC_FILE, language: Optional[str] = None) -> Dict[str, Check]:
    path = RUBRIC_FILES[language] if language else path
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))["tags"]
    return {
        tag: Check(
            all=_compile(rule.get("all", [])),
            any=_compile(rule.get("any", [])),
            lead=rule.get("lead"),
            lead_not=_compile(rule.get("lead_not", [])),
        )
        for tag, rule in spec.items()
    }


def load_set(name: str) -> List[Dict[str, Any]]:
    cases: List[Dict[str, Any]] = []
    for file_name in SETS[name]:
        cases.extend(yaml.safe_load((DATA_DIR / file_name).read_text(encoding="utf-8"))["cases"])
    return cases


@dataclass
class Grade:
    passed: bool
    missing: List[str]
    forbidden: List[str]
    out_of_order: bool


def forbidden_tags(case: Dict[str, Any]) -> List[str]:
    """The case's must_not, and what no reply to it may show."""
    tags = list(case.get("must_not") or [])
    if not ROUTES & set(case.get("expect") or []):
        tags.append("escalated")
    tags.append("not_understood")
    return list(dict.fromkeys(tags))


def grade(
    case: Dict[str, Any], reply: str, rubric: Dict[str, Check], language: str = "en"
) -> Grade:
    if language == "es":
        reply = fold(reply)
    expect = list(case.get("expect") or [])
    missing = [t for t in expect if not rubric[t].shown_by(reply)]
    forbidden = [t for t in forbidden_tags(case) if t not in expect and rubric[t].shown_by(reply)]
    out_of_order = False
    if case.get("ordered") and not missing:
        # In order: each tag shows at or after where the one before it showed (the line,
        # `phone`, may show in an earlier answer too).
        start = 0
        for tag in expect:
            start = rubric[tag].position(reply, start)
            if start < 0:
                out_of_order = True
                break
    return Grade(
        not missing and not forbidden and not out_of_order, missing, forbidden, out_of_order
    )
