"""A section named bare, right after a section's answer: "And during?" after how to prepare,
"¿y antes? qué hago" after the time after. Pure Python, no Rasa.

The page has three sections (how to prepare, what happens during, what to expect after). After
one of them was answered, a short reply that names another by its time word asks for that
section. Only then: after a single step, "and after?" is the next step of the page
(components/answer_plan_policy.py, "and after that?").
"""

import re
from typing import Dict, Iterable, Optional, Text

_BARE_SECTION = re.compile(
    r"^\W*(?:(?:and|y|ok|okay|so|entonces|what about|how about|y que tal|y qu[eé] tal|y lo de|"
    r"y el|y la)\W+)*(?P<word>before|beforehand|antes|during|durante|after|afterwards|"
    r"despu[eé]s)\W*(?:(?:what do i do|what happens|que hago|qu[eé] hago|que pasa|qu[eé] pasa|"
    r"que sigue|qu[eé] sigue)\W*)?$",
    re.IGNORECASE,
)
_TIMES = {
    "before": "before",
    "beforehand": "before",
    "antes": "before",
    "during": "during",
    "durante": "during",
    "after": "after",
    "afterwards": "after",
    "despues": "after",
    "después": "after",
}


def names_a_section(text: Text) -> bool:
    """Cheap first check, for every turn: the reply is a bare time word ("and during?")."""
    return bool(_BARE_SECTION.match(text or ""))


def section_named(
    text: Text, answered: Iterable[Text], sections: Dict[Text, Text]
) -> Optional[Text]:
    """The section intent a bare "and during?" asks for, when `answered` (the actions of the
    bot's last turn) began a section's answer; `sections`: time word -> (intent, its first
    action). None otherwise."""
    found = _BARE_SECTION.match(text or "")
    if not found:
        return None
    starts = {first for _, first in sections.values()}
    if not starts & set(answered):
        return None
    intent, _ = sections.get(_TIMES[found.group("word").lower()], (None, None))
    return intent
