"""Deterministic red-flag detection: urgent symptoms described in a patient's message.

Pure Python (no Rasa import) so it is cheap to run on every message and easy to test.
The Rasa component in `components/red_flags.py` uses it to force the `red_flag` intent,
whatever the intent classifier thinks.

Policy: a symptom pattern fires unless the message is *clearly* a question about the future
or about risks ("will my legs be numb from the sedation?") AND has no sign that something is
happening now ("my legs are numb", "since this morning", "right now"). When in doubt, it fires.
"""

import re
from typing import Iterator, Optional, Text, Tuple

# Spelling and shorthand patients use, folded before matching.
_FOLD = [
    (r"[\u2018\u2019`´]", "'"),
    (r"\bcan ?not\b|\bcant\b|\bcan t\b|\bcnt\b|\bcan'?t\b", "cant"),
    (r"\bwon'?t\b|\bwont\b", "wont"),
    (r"\bdon'?t\b|\bdont\b", "dont"),
    (r"\b(does|did|is|are|was|were|has|have|had|could|would|should)n'?t\b", r"\1nt"),
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
    (
        r"\bpassed\s+out\b|\bpass(ing)?\s+out\b|\bblack(ed|ing)?\s+out\b|\bfaint\w*\b|\bfanted\b",
        "fainted",
    ),
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
        r"\bchest\b.{0,30}\b(pain\w*|hurt\w*|pressure|tight\w*|squeez\w*|ach\w*|heavy|crush\w*|"
        r"elephant|weight|sitting on)\b",
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
        r"\bbleeding\b.{0,40}\b(wont stop|not stop\w*|doesnt stop|keeps?|a lot|alot|lots|heav\w*|bad\w*|"
        r"cant (make it |get it to )?stop|"
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
    "other_urgent": [
        r"\b(lips?|face|fingers?) (are |is |turning |turned |going )?(blue|grey|gray)\b",
        r"\b(coughing|vomiting|throwing) up blood\b|\bblood in (my|his|her) (vomit|pee|urine)\b",
        r"\b(throat|tongue|lips?) (is |are )?(swelling|swollen|closing)\b",
        r"\b(heart|pulse) (is )?(racing|pounding|beating (really )?fast)\b",
        r"\bcant (stay awake|wake (him|her|them) up|swallow)\b|\bhard to wake( up)?\b|"
        r"\bwont wake( up)?\b",
        r"\b(paralyzed|paralysed)\b",
    ],
    "emergency": [
        r"\b(call(ing)? 911|need an ambulance|ambulance|stroke|emergency|seizure)\b",
        # "I'm dying to know..." and "dying for a coffee" are idioms, not emergencies.
        r"(?<!of )\bdying\b(?! (to|for) )",
    ],
    # Signs of a stroke: a drooping face, a weak or numb arm, slurred speech.
    "stroke": [
        r"\b(face|mouth|smile)\b.{0,30}\b(droop\w*|lopsided|uneven|sagg\w*|numb|crooked)\b",
        r"\b(droop\w*|lopsided|crooked)\b.{0,20}\b(face|mouth|smile|eye)\b",
        r"\b(arm|hand)\b.{0,30}\b(weak\w*|numb\w*|limp|dead|cant (lift|raise|move))\b",
        r"\bcant (lift|raise|move) (my|his|her) (arm|hand)\b",
        r"\b(slurr\w*|garbled)\b|\bcant (talk|speak|get (my|the|his|her) words out)\b|"
        r"\b(words|speech)\b.{0,20}\b(wrong|funny|strange|jumbled|mixed up)\b",
    ],
    # Sudden confusion: not knowing where one is, not making sense.
    "confusion": [
        r"\b(is|seems|got|gets|getting|became|become|suddenly|acting|very|really|so)\s+"
        r"(very |really |so |all |suddenly )?(confused|disoriented|disorientated)\b"
        r"(?! (about|by|with|as to|on|regarding|over))",
        r"\b(doesnt|does not|dont|didnt) (know|recogni[sz]e) (where|who|me|us|what)\b",
        r"\bnot making (any )?sense\b|\bmaking no sense\b",
    ],
    # A fall with an injury, or someone who cannot get up.
    "fall": [
        r"\b(fell|fallen|fall|tripped|slipped)\b.{0,60}\b(cant get up|hit (my|his|her) head|"
        r"bleeding|broke|broken|hurt|injur\w*|wont get up|on the floor)\b",
        r"\b(cant get up|cannot get up)\b.{0,40}\b(floor|fell|fall|ground)\b",
        r"\b(on|off) the floor\b.{0,30}\bcant get up\b",
    ],
    "headache": [
        r"\bworst headache\b|\b(sudden|severe|terrible|thunderclap|exploding)\s+headache\b",
    ],
    # Too many pills, taken by mistake or not.
    "overdose": [
        r"\b(took|taken|swallowed|had|take)\b.{0,25}\b(too many|too much|double|extra|"
        r"a handful of|all (my|of my|the|his|her))\b.{0,25}\b(pills?|tablets?|meds|"
        r"medicines?|medication|doses?|oxy\w*|painkillers?)\b",
        r"\boverdos\w*\b|\bo\.?d\.?\s?(ed|d)\b",
        r"\b(whole|entire|all) (days?|weeks?)('?s)? (worth|supply)\b|\b(\d+|two|three|four|five) "
        r"times the (dose|amount)\b|\btook (them|it|his|her|my) (pills |meds )?again\b",
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

# With "nearly", "whenever" or a joke, only a clear sign of now counts.
_HAPPENING_NOW_STRICT = re.compile(
    r"\b(right now|just now|now|rn|currently|today|tonight|this morning|help|hurry|asap|911|"
    r"wont stop|cant stop|still (bleeding|numb|weak|cant|not|unconscious|wont|passed out))\b"
)

# Compiled once: these run on every chat turn.
_FOLD_COMPILED = [(re.compile(p), r) for p, r in _FOLD]
_SYMPTOMS_COMPILED = {
    name: [re.compile(p) for p in patterns] for name, patterns in _SYMPTOMS.items()
}


def normalise(text: Text) -> Text:
    folded = " ".join(str(text).lower().split())
    for pattern, replacement in _FOLD_COMPILED:
        folded = pattern.sub(replacement, folded)
    return folded


# Long-standing pain is why people have this procedure ("terrible back pain for six weeks, I
# can't sleep"): not an emergency, unless something about it is new or sudden.
_LONG_STANDING = re.compile(
    r"\b(for|past|last|over) (the )?(\d+|a few|few|several|many|some|two|three|four|five|six|"
    r"seven|eight|nine|ten|a couple( of)?) (weeks?|months?|years?)\b|\bchronic\b|"
    r"\bfor (a long time|ages|so long|a while)\b|\bsince (my|the|her|his) (fall|fracture|"
    r"break|accident)\b|\bsince (january|february|march|april|may|june|july|august|"
    r"september|october|november|december|last (week|month|year)|the summer|the spring)\b|"
    r"\b(will|can|could|would) (this|it|the procedure|vertebroplasty) help\b|"
    r"\b(is|are) killing me\b"
)
_ACUTE = re.compile(
    r"\b(sudden\w*|out of nowhere|out of the blue|all of a sudden|new|much worse|way worse|"
    r"worse (today|tonight|now|since)|since (the|my) (procedure|vertebroplasty)|after (the|my) "
    r"(procedure|vertebroplasty))\b"
)


def _symptoms(folded: Text) -> Iterator[Tuple[Text, int]]:
    """Every symptom found, and where each match starts."""
    for name, patterns in _SYMPTOMS_COMPILED.items():
        if name == "severe_pain" and _LONG_STANDING.search(folded) and not _ACUTE.search(folded):
            continue
        for pattern in patterns:
            for match in pattern.finditer(folded):
                yield name, match.start()


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
    sentences = [s.strip() for s in _SENTENCE_END.split(folded) if s.strip()]
    long_standing = bool(_LONG_STANDING.search(folded)) and not _ACUTE.search(folded)
    if long_standing or any(_PAST.search(s) or _NOT_NOW.search(s) for s in sentences):
        # A story's past, a near miss or a joke, with a question: only a clear now counts.
        asks = any(_QUESTION.search(s) or _MODAL_BEFORE.search(s) for s in sentences)
        return asks and not _HAPPENING_NOW_STRICT.search(folded)
    asks = bool(
        _QUESTION.search(folded) or _MODAL_BEFORE.search(folded) or _RISK_OR_PAST.search(folded)
    )
    return asks and not _HAPPENING_NOW.search(folded)


_SENTENCE_END = re.compile(r"[.!?;\n]+")
# Said of a symptom in its own sentence, these make it not an emergency: something that nearly
# happened, happens habitually, or a joke ("I nearly fainted when they told me", "I get a
# terrible headache whenever I'm nervous", "he nearly had a heart attack at the bill lol").
_NOT_NOW = re.compile(
    r"\b(nearly|almost|whenever|every time|each time|usually|always|tend to|lol|lmao|haha|"
    r"afraid of|scared of|fear of|not afraid|worried about|worry about|worried it)\b"
)


def _sentence_at(folded: Text, start: int) -> Text:
    """The sentence of `folded` that contains position `start`."""
    begin = max((m.end() for m in _SENTENCE_END.finditer(folded, 0, start)), default=0)
    end = _SENTENCE_END.search(folded, start)
    return folded[begin : end.start() if end else len(folded)]


# The past of a story: only a clear sign of now makes its symptom urgent.
_PAST = re.compile(
    r"\b(\d+|a|an|one|two|three|four|five|six|several|many|some|few|a few|couple of) "
    r"(years?|months?|weeks?) ago\b|\blast (year|month|spring|summer|fall|autumn|winter|"
    r"christmas)\b|\bin (january|february|march|april|may|june|july|august|september|october|"
    r"november|december|the past|\d{4})\b|\bever since\b|\bhistory of\b|\bused to\b|"
    r"\byears back\b|\bas a (child|kid)\b|\bat my last\b|\bonce (before|years)\b"
)


def _urgent_here(sentence: Text, offset: int) -> bool:
    """Whether the symptom starting at `offset` of its sentence is happening now."""
    if _NOT_NOW.search(sentence) or _PAST.search(sentence):
        return bool(_HAPPENING_NOW_STRICT.search(sentence))
    hypothetical = bool(
        _MODAL_BEFORE.search(sentence[: offset + 1]) or _RISK_OR_PAST.search(sentence)
    )
    return not hypothetical or bool(_HAPPENING_NOW.search(sentence))


def red_flag(text: Text) -> Optional[Text]:
    """The kind of urgent symptom the message describes, or None.

    Each symptom is judged in its own sentence, so a story's past ("she had a stroke three
    years ago. Will she be awake?") does not make it urgent, and a symptom happening now is
    not hidden by a question elsewhere in the message.
    """
    if not text:
        return None
    return red_flag_in(normalise(text))


def red_flag_in(folded: Text) -> Optional[Text]:
    """red_flag() of a message already normalised."""
    for symptom, start in _symptoms(folded):
        sentence = _sentence_at(folded, start)
        begin = max((m.end() for m in _SENTENCE_END.finditer(folded, 0, start)), default=0)
        if _urgent_here(sentence, start - begin):
            return symptom
    return None
