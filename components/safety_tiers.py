"""The three safety tiers, decided before anything else reads a message. Pure Python, no Rasa.

1. crisis: thoughts of suicide or self-harm -> 911 if in danger now, 988 any time, the line.
2. emergency: urgent symptoms (components/red_flag_rules.py) -> 911 first, then the line.
3. warning: a worrying symptom that is not an emergency (a fever, a red, swollen or leaking
   needle spot, pain that is not getting better, new pain) -> the care team's line today, 911 if
   it gets worse.

The page lists no symptoms, so these route and never assess. Idioms are not crises ("I'm dying
to know", "kill some time", "this pain is killing me"); when in doubt, the safer tier wins.
The Rasa component `components.red_flags.RedFlagDetector` turns a tier into its intent.
"""

import re
from typing import Callable, Optional, Sequence, Text, Tuple

from components.red_flag_rules import _HAPPENING_NOW, _IDIOMS, _PAST, normalise, red_flag_in
from components.safety_crisis_patterns import CRISIS_PATTERNS
from vertebro.names import CRISIS, EMERGENCY, WARNING  # noqa: F401  (the tiers' names)

_CRISIS = [re.compile(p) for p in CRISIS_PATTERNS]

# "the cut", not "do they cut me open?".
_SITE = (
    r"(incision|(my|the|his|her|this|that) (little |small |tiny )?cut|wound|needle (spot|site|mark|hole)|puncture|"
    r"site|spot|bandage|dressing|stitch\w*|where (they|the needle|you) (went in|put|inserted)|"
    r"where (they|you|the doctor|he|she) did it|where it was done)"
)
_SIGN = (
    r"red|redness|pink|swollen|swelling|puffy|warm|hot|ooz\w*|leak\w*|pus|drain\w*|discharge|"
    r"weep\w*|bruis\w*|sore\w*|tender|painful|itch\w*|infect\w*|smell\w*|yellow\w*|"
    r"green\w*|stain\w*|fluid|wet|crust\w*|lump|bump|hard|purple|blood\w*|spotting|spot of blood|"
    r"tingl\w*|numb\w*|throb\w*|sting\w*|burn\w*"
)
_WARNING = [
    re.compile(p)
    for p in (
        # A fever that is not a high one (high fevers with chills are emergencies).
        r"\bfever\b(?! pitch)|\b(temp|temperature|thermometer)\b.{0,20}\b(99|100)(\.\d)?\b|\bfeverish\b",
        # The needle spot: red, swollen, warm, leaking.
        _SITE + r".{0,40}\b(" + _SIGN + r")\b",
        r"\b(" + _SIGN + r")\b.{0,40}" + _SITE,
        # Pain after the procedure that is not getting better, or new pain.
        r"\bpain\w*\b.{0,80}\b(not (getting |any )?better|no better|not improv\w*|worse|hasnt (gone|"
        r"eased|improved|stopped)|wont go away|not going away|still there)\b",
        r"\b(still|new|different|another|more)\b.{0,15}\b(pain\w*|hurts?|hurting|ach\w*|sore)\b|"
        r"\b(pain\w*|hurts?|ach\w*|sore)\b.{0,40}\b((wasnt|was not|werent|were not) there|"
        r"(didnt|did not) have( it| this| that)?) before\b",
        r"\b(hurts?|hurting|pain\w*|sore|ach\w*)\b.{0,30}\b(more than before|than before|again)\b",
        r"\b(nause\w*|vomit\w*|throw\w* up|threw up|dizzy|rash|hives|itchy|headache|sweaty|sweating|"
        r"chills|more tired|so tired|exhausted|off my food)\b|\b(started|starting|began|begun) (to )?"
        r"(ach|hurt|pain|throb)\w*|\bpain\w*\b.{0,30}\b(same as before|no different|hasnt changed|"
        r"not changed)\b",
        # A report of a sore or strange feeling, a bruise or a lump (asked as "is that normal?" too).
        r"\b(feel|feels|feeling|felt)\b.{0,20}\b(achy|sore|sick|unwell|weird|strange|not right|shaky)\b|"
        r"\b(got|have|has|theres|there's|there is|noticed|big|little|lil|small)\b.{0,20}"
        r"\b(bruis\w*|lump|bump|swelling|rash)\b|"
        # Pain that came back, or in a new place: the procedure is behind them.
        r"\b(pain\w*|it|its|it's|ache|hurt\w*)\b.{0,40}\b(coming back|came back|come back|returned|"
        r"back again|crept back|creeping back|is back|coming back)\b|\b(its|it is) back (again|in|to|"
        r"where)\b|\b(different|new|another) "
        r"(spot|place|area)\b",
    )
]
# A warning needs something that is happening, not a question about the future: told as
# having happened since the procedure ("since the procedure", "I came home", "two days ago")...
_REPORTED_AFTER = re.compile(
    r"\b(since|from) (the|my|his|her) (procedure|vertebroplasty|surgery|operation|injection|"
    r"cement)\b|\bthan before (the|my|his|her) (procedure|vertebroplasty)\b|"
    r"\b(wasnt|was not|werent|were not|didnt have|did not have)( it| this| that)? (there )?before "
    r"(the|my|his|her) (procedure|"
    r"vertebroplasty|surgery)\b|"
    r"\b(came|got|went|sent) home\b|\b(days?|weeks?) (ago|since|out)\b|"
    r"\b(yesterday|last night|this morning|today|tonight)\b|\bpost[- ]?op\b|"
    r"\b(since the sedation|since then)\b|"
    r"\b(its|it's|it is|it has|has|have) been (\d+|a|one|a few|a couple of|two|three|four|five|six|several) "
    r"(days?|weeks?)\b|\b(\d+|a few|two|three|four|five|six|several) (days?|weeks?) "
    r"(later|now|on|in)\b|\b(after|for) (\d+|a few|two|three|four|five|six|several) "
    r"(days|weeks)\b|\bhad (it|the "
    r"procedure|my procedure|a vertebroplasty|the vertebroplasty)\b"
)
# ...or said of the time after it, which a question about the future says too ("what if I get a
# fever after the procedure?"): enough for a report, not for a question ahead.
_AFTER_PROCEDURE = re.compile(
    r"\bafter (the|my|his|her) (procedure|vertebroplasty|surgery|operation|injection|cement)\b|"
    r"\bafterwards\b|"
    r"\b(days?|weeks?) (after|later)\b|" + _REPORTED_AFTER.pattern
)
# Pain and fever are also why people come, and what they ask about beforehand: those warnings
# need a sign that the procedure is behind them; the needle spot needs nothing more.
_NEEDS_AFTER = {3, 4, 5, 6}
_NEEDLE_SPOT = {1, 2}


# "I volunteer on a suicide prevention line", "soy voluntaria en una línea de prevención del
# suicidio": a role, not a crisis (the rest of the message is still read). Spanish layer too.
_ROLE = re.compile(
    r"\b(volunteer\w*|work\w*|voluntari[oa]s?|trabaj\w*|colabor\w*)\b[^.?!]{0,40}\b"
    r"(suicide prevention|prevenci[oó]n del? suicidio)\b"
)


def without_role(folded: Text) -> Text:
    return _ROLE.sub(lambda m: re.sub(r"suicid\w*", "-", m.group()), folded)


def crisis(text: Text, folded: Optional[Text] = None) -> bool:
    folded = without_role(folded if folded is not None else normalise(text))
    return any(p.search(folded) for p in _CRISIS)


# A question about what may come ("will there be swelling?", "what if I get a fever?");
# "is that normal?" about something there now is not one.
_AHEAD = re.compile(
    r"\b(will|would|could|might|gonna|going to|what if|what happens if|in case|if i|if my|if "
    r"the|if there|should i expect|risks?|chance|side effects?|possible|when can i|how soon can i|"
    r"can i (shower|bathe|swim|get))\b"
)
# A general question, not a report: "is it normal to feel sore after?", "do people get...";
# unless it tells of the patient's own (`_PERSONAL`: "sore in my hip", "it's purple").
_GENERAL_QUESTION = re.compile(
    r"\b(is it|it is|its) (normal|common|usual|typical|ok|okay) to (have|feel|get|be|see)\b|"
    r"\b(do|does) (people|patients|most people|everyone|anyone) (usually |normally )?(have|get|"
    r"feel)\b"
)
# Someone else's experience, or what is typical: not a report of one's own symptom.
_GENERIC = re.compile(
    r"\b(typical|typically|usually|normally|most people|other people|everyone|anyone|"
    r"neighbou?r|friend|sister|brother)\b(?!.*\b(my|i|me)\b.*\b(now|today|since)\b)"
)


_JOKE = re.compile(r"\b(lol|lmao|haha\w*|jk)\b")
_AHEAD_OR_ASKS = re.compile(r"\?|^\W*(how|what|when|will|can|do|does|is|are)\b")
_PERSONAL = re.compile(r"\b(my|mine|i was|i have|i had|i got|its|it's|it is)\b")


def _general_question(folded: Text) -> bool:
    found = _GENERAL_QUESTION.search(folded)
    if not found:
        return False
    rest = folded[: found.start()] + " " + folded[found.end() :]
    return not _PERSONAL.search(rest)


def warning(text: Text, folded: Optional[Text] = None) -> bool:
    folded = folded if folded is not None else normalise(text)
    if _JOKE.search(folded) and _AHEAD_OR_ASKS.search(folded):
        return False  # "I don't want blood all over my blouse lol": a joke with a question
    general = _general_question(folded)
    asks_ahead = bool(_AHEAD.search(folded))
    now = bool(_HAPPENING_NOW.search(folded) or _REPORTED_AFTER.search(folded))
    for index, pattern in enumerate(_WARNING):
        if not pattern.search(folded):
            continue
        # "Is it normal to have a bruise where the needle went in?" asks of the needle spot,
        # which only someone who had the procedure has; other general questions are not reports.
        if general and index not in _NEEDLE_SPOT:
            continue
        if index in _NEEDS_AFTER and not _AFTER_PROCEDURE.search(folded):
            continue
        if asks_ahead and not now:
            continue
        return True
    return False


Check = Callable[[Text, Text], bool]


def tier_reader(
    fold: Callable[[Text], Text], crisis: Check, emergency: Check, warning: Check
) -> Callable[[Text], Optional[Text]]:
    """A `tier(text)` that returns the first tier whose check holds for (text, folded text),
    safest first (crisis, emergency, warning) or None; the text is folded once, for all of
    them. Shared by the English and Spanish layers, so the order lives here only."""
    checks: Sequence[Tuple[Text, Check]] = (
        (CRISIS, crisis),
        (EMERGENCY, emergency),
        (WARNING, warning),
    )

    def tier(text: Text) -> Optional[Text]:
        if not text or text.startswith("/"):
            return None
        folded = fold(text)
        return next((name for name, check in checks if check(text, folded)), None)

    return tier


# crisis | emergency | warning | None, safest first.
tier = tier_reader(normalise, crisis, lambda text, folded: red_flag_in(folded) is not None, warning)


# When a message was not understood at all, words like these mean it may be about a symptom or
# a crisis: the safer answer then beats "Sorry, I did not understand" (components/red_flags.py
# asks only for messages that went to the fallback).
_CRISIS_CUES = re.compile(
    r"\b(die|dead|death|suicid\w*|kill\w*|goodbye|end it|pointless|hopeless|worthless|"
    r"disappear|not wake|never wake|overdos\w*|burden|give up|no point|end my)\b|"
    r"\bdying\b(?! (to|for) )"
)
_SYMPTOM_CUES = re.compile(
    r"\b(pain\w*|hurt\w*|ach(e|es|ing|y)|sore|bruis\w*|swell\w*|swollen|lump|red|bleed\w*|"
    # "blood", not a medicine or a test: "took his blood thinner by accident" is not a symptom.
    r"blood(?!\s*(?:thinn\w*|work|tests?|draw|sugar)\b)\w*|"
    r"fever\w*|temp|temperature|chills|sweat\w*|nause\w*|vomit\w*|sick|dizz\w*|headache|rash|"
    r"itch\w*|numb\w*|tingl\w*|tired|weak\w*|ooz\w*|leak\w*|pus|infect\w*|burn\w*|throb\w*|"
    r"sting\w*|cramp\w*)\b"
)


# A question about the procedure ("is there much bleeding?", "how much blood do you take?"),
# not a report of something happening.
_ASKS_ABOUT = re.compile(
    r"^\W*(is there|are there|do you|does it|does the|do they|how much|how many|what|which|"
    r"when|where|why|who|will|would|can|could|should)\b"
)


def doubtful_tier(text: Text) -> Optional[Text]:
    """For a message nobody understood: crisis or warning if it has their words, else None."""
    if not text or text.startswith("/"):
        return None
    # "The suspense is killing me", "dying to know": idioms are not cues.
    folded = _IDIOMS.sub(" ", normalise(text))
    if (
        _AHEAD.search(folded)
        or _GENERIC.search(folded)
        or _GENERAL_QUESTION.search(folded)
        or _ASKS_ABOUT.search(folded)
        or _PAST.search(folded)
    ):
        return None
    if _CRISIS_CUES.search(folded):
        return CRISIS
    if _SYMPTOM_CUES.search(folded):
        return WARNING
    return None


# "What happens if I start bleeding once I'm home?": a question about a symptom that may come,
# with nothing happening now. The page lists no symptoms, so the honest answer is "I don't
# have that information" and the line, not "Sorry, I'm not sure what you mean"
# (components/red_flags.py asks only for messages nobody understood). "Is it normal to ...?"
# is not one: it may be about a symptom the patient has (the warning tier's).
_POSSIBLE = re.compile(
    r"\b(what if|what happens if|what (do|should|would) (i|we|she|he) do if|just in case|in case|"
    r"does (that|this|it) happen to)\b"
)


def asks_about_a_possible_symptom(text: Text) -> bool:
    """A question about a symptom that may come (English), nothing said to happen now."""
    folded = _IDIOMS.sub(" ", normalise(text or ""))
    return bool(
        _POSSIBLE.search(folded)
        and _SYMPTOM_CUES.search(folded)
        and not _HAPPENING_NOW.search(folded)
    )
