"""Deterministic red-flag detection: urgent symptoms described in a patient's message.

Pure Python (no Rasa import) so it is cheap to run on every message and easy to test.
The Rasa component in `components/red_flags.py` uses it to force the `red_flag` intent,
whatever the intent classifier thinks.

Policy: a symptom pattern fires unless the message is *clearly* a question about the future
or about risks ("will my legs be numb from the sedation?") AND has no sign that something is
happening now ("my legs are numb", "since this morning", "right now"). When in doubt, it fires.
"""
import re
from typing import Optional, Text, Tuple

# Spelling and shorthand patients use, folded before matching.
_FOLD = [
    (r"[\u2018\u2019`´]", "'"),
    (r"\bcan ?not\b|\bcant\b|\bcan t\b|\bcnt\b|\bcan'?t\b", "cant"),
    (r"\bwon'?t\b|\bwont\b", "wont"),
    (r"\bdon'?t\b|\bdont\b", "dont"),
    (r"\bi'?m\b|\bim\b", "i am"),
    (r"\bu\b", "you"),
    (r"\bpls\b|\bplz\b", "please"),
    (r"\bfeal\b|\bfeell?\b", "feel"),
    (r"\bbreath(e|ing)?\b|\bbreth(e|ing)?\b|\bbrea?th\w*\b", "breathe"),
    (r"\blegg?s\b|\blgs\b", "legs"),
    (r"\bnumm?b?\b|\bnumbb\b", "numb"),
    (r"\bbleed\w*\b|\bbleding\b|\bbledding\b", "bleeding"),
    (r"\bfeaver\b|\bfevr\b|\bfever\w*\b", "fever"),
    (r"\bchestt?\b|\bchst\b", "chest"),
    (r"\bpassed\s+out\b|\bpass(ing)?\s+out\b|\bblack(ed|ing)?\s+out\b|\bfaint\w*\b|\bfanted\b",
     "fainted"),
]

_SUBJECT = r"(?:my|his|her|their|mom'?s|dad'?s|wife'?s|husband'?s|the)"

_SYMPTOMS = {
    "legs": [
        r"\b(cant|unable to|not able to|no longer|hard to)\s+(feel|move|lift|walk|stand)\b",
        r"\b(numb\w*|tingl\w*|weak\w*|paraly\w*|dead|no feeling|lost feeling|gave out|giving out|"
        r"heavy|wont move|pins and needles)\b.{0,40}\b(legs?|feet|foot|toes|thighs?)\b",
        r"\b(legs?|feet)\b.{0,40}\b(wont|cant|dont) (hold|support|carry) (me|him|her|them)\b",
        r"\b(legs?|feet|foot|toes|thighs?)\b.{0,40}\b(numb\w*|tingl\w*|weak\w*|paraly\w*|dead|"
        r"no feeling|gave out|giving out|wont move|cant move|buckl\w*|collaps\w*)\b",
    ],
    "chest": [
        r"\bchest\b.{0,30}\b(pain\w*|hurt\w*|pressure|tight\w*|squeez\w*|ach\w*|heavy|crush\w*)\b",
        r"\b(pain\w*|hurt\w*|pressure|tight\w*|squeez\w*|ach\w*)\b.{0,20}\bchest\b",
        r"\bheart attack\b",
    ],
    "breathing": [
        r"\b(cant|trouble|hard|difficult\w*|struggl\w*|hard time|problems?|unable to|not)\s+"
        r"(to\s+|with\s+|getting\s+|catch\w*\s+)?(my\s+|a\s+|his\s+|her\s+)?breathe\b",
        r"\bcant (get|catch) (enough )?(air|a breathe)\b|\bno air\b|\bair hungry\b",
        r"\bshort(ness)? of breathe\b|\bbreathless\b|\bgasp\w*\b|\bchok\w*\b|\bsuffocat\w*\b|"
        r"\bwheez\w*\b|\bbreathe\w*\s+(is\s+)?(hard|difficult|weird|shallow)\b",
    ],
    "bleeding": [
        r"\bbleeding\b.{0,40}\b(wont stop|not stop\w*|doesnt stop|keeps?|a lot|lots|heav\w*|bad\w*|"
        r"everywhere|soak\w*|through|pouring|gush\w*|so much|wont quit|non ?stop|non-stop)\b",
        r"\b(heav\w*|bad|lots of|a lot of|so much|nonstop|non-stop|uncontroll\w*|wont stop)\s+"
        r"(\w+\s+)?(bleeding|blood)\b",
        r"\bblood\b.{0,30}\b(everywhere|soak\w*|pouring|gush\w*|wont stop|through)\b",
        r"\b(soak\w*|pouring|gush\w*)\b.{0,30}\bblood\b",
    ],
    "bladder_bowel": [
        r"\b(lost|losing|lose|no|cant)\s+(\w+\s+)?control\s+(of|over)\s+(\w+\s+)?"
        r"(bladder|bowels?|pee|urine|poop)\b",
        r"\b(wet|peed|pissed|soiled|pooped|messed)\s+(my|him|her|them)sel(f|ves)\b",
        r"\bcant\s+(hold|control|stop)\s+(\w+\s+)?(pee|urine|bladder|bowels?|poop)\b",
        r"\bcant\s+(pee|urinate)\b|\bincontinen\w*\b",
        r"\b(bladder|bowels?)\b.{0,20}\b(let go|gave out|control)\b",
    ],
    "fever": [
        r"\b(high|bad|big|very high|spiking|raging)\s+(\w+\s+)?fever\b",
        r"\bfever\b.{0,25}\b(10[1-9]|4[0-2])\b|\b(10[1-9]|4[0-2])(\.\d)?\s*(degrees?|f\b|°)",
        r"\bfever\b.{0,30}\b(chills|shaking|shivering)\b|\b(chills|shaking)\b.{0,30}\bfever\b",
        r"\btemp\w*\b.{0,20}\b(10[1-9]|39(\.\d)?|4[0-2](\.\d)?)\b",
        r"\bburning up\b",
    ],
    "fainting": [
        r"\bfainted\b",
        r"\b(unconscious|unresponsive|collapsed|wont wake|not waking|not responding)\b",
    ],
    "severe_pain": [
        r"\b(sudden|suddenly|severe|unbearable|worst|excruciating|terrible|extreme|horrible|"
        r"agoniz\w*|intense|sharp new|new sharp)\b.{0,25}\bpain\b",
        r"\bpain\b.{0,25}\b(unbearable|excruciating|severe|worst|extreme|agoniz\w*|intense)\b",
        r"\bpain\b.{0,30}\b(much worse|way worse|times worse|out of nowhere|out of the blue)\b",
    ],
    "emergency": [
        r"\b(call(ing)? 911|need an ambulance|ambulance|stroke|dying|emergency|seizure)\b",
    ],
}

# Words that make a symptom a question about the future, about risks, or about the past...
_MODAL_BEFORE = re.compile(
    r"\b(will|would|could|might|gonna|going to|what if|what happens if|in case|if i|if my|"
    r"when i|cause|make it|make me)\b|^(does|do|can|could|should)\b"
)
_RISK_OR_PAST = re.compile(
    r"\b(risks?|chance|side effects?|possible|usual|normal|expect|should i worry|is it common|"
    r"happen to|last (year|month|week)|years? ago|months? ago|in the past|history of|used to|"
    r"can i still|still have (it|this|the)|tell the doctor)\b"
)
# ...unless something is going on now. When in doubt, treat it as happening.
_HAPPENING_NOW = re.compile(
    r"\b(now|right now|rn|currently|suddenly|started|starting|since|today|tonight|"
    r"(hours?|minutes?|mins?) ago|this morning|this evening|all day|keeps?|help|hurry|asap|911|"
    r"i am|i cant|he cant|she cant|they cant|i just|just|"
    r"(my|his|her) \w+ (is|are|has|have|went|got|keeps?)|"
    r"(is|are) (still )?(numb|weak|bleeding|dead|tingling)|still (bleeding|numb)|(is|are) (my|his|her) \w+ (bleeding|numb|weak)|"
    r"wont stop|cant stop)\b"
)


# Compiled once: these run on every chat turn.
_FOLD_COMPILED = [(re.compile(p), r) for p, r in _FOLD]
_SYMPTOMS_COMPILED = {name: [re.compile(p) for p in patterns] for name, patterns in _SYMPTOMS.items()}


def normalise(text: Text) -> Text:
    folded = " ".join(str(text).lower().split())
    for pattern, replacement in _FOLD_COMPILED:
        folded = pattern.sub(replacement, folded)
    return folded


def _symptom(folded: Text) -> Optional[Tuple[Text, int]]:
    """The first symptom found and where its match starts."""
    for name, patterns in _SYMPTOMS_COMPILED.items():
        for pattern in patterns:
            match = pattern.search(folded)
            if match:
                return name, match.start()
    return None


_QUESTION = re.compile(
    r"\?\s*$|^(is|are|do|does|did|can|could|will|would|should|what|how|when|why|where|who|"
    r"which|any|if)\b"
)


def clearly_not_urgent(text: Text) -> bool:
    """A question or hypothetical with nothing described as happening now.

    Used to overrule a classifier that says `red_flag` for a look-alike question such as
    "do you x-ray my chest too?". Anything in doubt is *not* clearly non-urgent.
    """
    folded = normalise(text)
    if not folded or red_flag(text) is not None:
        return False
    asks = bool(_QUESTION.search(folded) or _MODAL_BEFORE.search(folded)
                or _RISK_OR_PAST.search(folded))
    return asks and not _HAPPENING_NOW.search(folded)


def red_flag(text: Text) -> Optional[Text]:
    """The kind of urgent symptom the message describes, or None."""
    if not text:
        return None
    folded = normalise(text)
    found = _symptom(folded)
    if found is None:
        return None
    symptom, start = found
    hypothetical = bool(_MODAL_BEFORE.search(folded[:start + 1]) or _RISK_OR_PAST.search(folded))
    if hypothetical and not _HAPPENING_NOW.search(folded):
        return None
    return symptom
