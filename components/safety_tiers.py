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

from components.red_flag_rules import _HAPPENING_NOW, _PAST, normalise, red_flag_in
from vertebro.names import CRISIS, EMERGENCY, WARNING  # noqa: F401  (the tiers' names)

_CRISIS = [
    re.compile(p)
    for p in (
        r"\bsuicid\w*|\bself[- ]?harm\w*|\bunalive\w*|\bkms\b|\bkys\b",
        # "I'm killing myself trying to get ready" is an idiom.
        r"\b(kill|hurt|harm|cut|cutt|shoot|hang|drown|starv|poison|burn|punch|hit|hitt|scratch)"
        r"(ing|in|e|ed|s|es)?\s+"
        r"(my|him|her|them|your|our)sel(f|ves)\b(?! (trying|working|laughing|to get|over))",
        r"\b(jump|jumping|throw|throwing) (my ?self |him ?self |her ?self )?(off|in front of) "
        r"(a|the|my)\b",
        # "kill me" only as a wish: "this wait is killing me" is an idiom.
        r"\b(want|wanna|wish|need|please|just) (someone |somebody |god |you )?(to |would |could )?"
        r"kill me\b",
        r"\b(end|ending|take|taking)\s+(it all|(my|his|her|their) (own )?life|things|everything)\b",
        r"\b(dont|do not|doesnt|does not|didnt|no longer|dont even) (want|wanna|wish) to (live|"
        r"be alive|be here|"
        r"wake up|exist|go on|keep going|be around)\b",
        r"\b(want|wanna|wish|hope|ready|going|plan\w*|thinking|think) (about |of )?(just )?(to )?"
        r"(die|dying|be dead|being dead|not wake up|not waking up|never waking up|not be here|"
        r"disappear forever)\b|\bthink\w* (about|of) jump\w*\b|\b(wont|will not|not going to) be "
        r"(around|here) to (recover|see (it|the results|how)|heal|feel|worry|suffer)\b|\bdisappear (for good|forever)\b|\bwants to die\b",
        r"\bwish i (was|were) dead\b|\bbetter off (dead|without me|if i (was|were) gone)\b",
        r"\b(no|not any|isnt any) (point|reason) (in |to )?(living|going on|carrying on|to live|"
        r"being alive|anymore|in life)\b|\bwhats the point of (living|going on|it all|life)\b",
        r"\b(not|isnt) worth (living|it anymore|going on)\b|\blife (is not|isnt) worth\b",
        r"\bcant (go on|keep going|do this anymore|take it anymore)\b",
        r"\b(saving|stockpil\w*|hoard\w*|collecting) (up )?(my |the |all my )?(\w+ )?(pills|meds|"
        r"medicines?|tablets)\b",
        r"\b(dont|do not|wont) (intend|plan|expect|want) to be (here|around)\b|"
        r"\bnot (be|going to be) (here|around) (much|for) (longer|long)\b",
        r"\b(go to sleep|fall asleep|sleep) and (not|never) wake up\b|\bhope i (dont|do not|never) "
        r"wake up\b|\bwish i (hadnt|had not|didnt) (woken|wake) up\b",
        r"\b(rather|better off) (be )?(dead|die)\b(?! than)|\bnothing (left )?to live for\b|"
        r"\b(tired|sick) of (living|being alive|life)\b|\bdont care if i (die|live)\b",
        r"\b(end|stop) (my|the) suffering (for good|forever|permanently)\b|\bput an end to (it|my "
        r"life|myself)\b|\b(off|end|top) myself\b|\bsewerslide\b|\bslit\w* (my )?wrists?\b",
        r"\b(point|use) (of|in) (going on|living|carrying on)\b|\bnot wak\w* up (tomorrow|again|ever)\b|"
        r"\b(go|be) (be )?with (dad|mom|mum|my husband|my wife|him|her|god|jesus) (in heaven|now|soon)?\b"
        r"(?=.*\b(wants?|want to|going to|keeps saying|ready)\b)|\bgave away (her|his|my|all)\b|"
        r"\b(giving|give|gave) (away )?(her|his|my|all)( \w+)? (things|stuff|belongings)\b|"
        r"\bmy last (night|day)\b|\b(rope|noose)\b|\b(drive|driving|drove|jump\w*)( (my|the|his|her) "
        r"car)? off (the|a) "
        r"(bridge|road|cliff|building|roof)\b|\bways to (go|die|end it)\b|\bhow to (die|end it)\b|"
        r"\bscared of (my ?self|what i might do)\b|\bgoing to end it\b|\bend it\b(?=.{0,20}\bmean\b)|"
        r"\b(pills?|tablets?) (would it take|to (not wake up|die|end it))\b|\bwould it take to (not wake|die)\b|"
        r"\bdisappear\b.{0,40}\bpermanent\w*\b|\bwrote (letters|goodbye)\b|\bi'?m done\b.{0,60}\bgoodbye\b|"
        r"\bnever wok\w* up\b|\bnever wake up\b",
        # Self-harm told by what is done to the body, or why ("just to feel something").
        r"\b(cut|cutting|burn|burning|scratch\w*|carv\w*)\s+(my|his|her)\s+(arms?|wrists?|legs?|"
        r"thighs?|skin)\b|\b(cut|cutting|burn\w*|hurt\w*|hit\w*)\b.{0,40}\bto feel (something|"
        r"anything|in control|better)\b",
        # Wishing to be taken, not waking up, a goodbye, a weapon at hand, a decision.
        r"\b(wish|wishes|wished|want|wants|pray|prays|praying|hope|hopes) (that )?(god|the lord|"
        r"jesus|someone) (would |will |to |could )?(just )?(take|call) (me|her|him)\b|"
        r"\b(if i|that i) (\w+ )?(did not|didnt|would not|wouldnt|never|dont|do not) wake up\b|"
        r"\btell (\w+ ){1,3}(i|that i) love (her|him|them|you)\b|\bi am done\b.{0,60}\b(love|"
        r"goodbye|bye)\b|\b(gun|pistol|rifle|shotgun)\b.{0,20}\b(out|loaded|to (my|his|her) "
        r"head|in (his|her|my) hand)\b|\b(decided|going|want|wanna|planning|plan|ready) to end "
        r"it\b|\bdont think (i will|ill|id|i would) (be|still be|make it) (around|here|alive)\b",
        r"\b(im|i am|i feel like) (just )?a burden\b|\bburden (to|on) (everyone|my family|them)\b",
        r"\b(take|swallow|taking|swallowing) (all|the whole bottle|a bottle|the rest) (of )?(my |the )?"
        r"(\w+ )?(pills|tablets|meds)\b",
        r"\b(pills?|tablets?|meds|medicines?|overdos\w*|od)\b.{0,30}\bon purpose\b|"
        r"\b(would like|wanna|want) to die\b|\b(had|have had|have) enough of (it all|all of it|life|"
        r"living)\b|\bcant take it (no more|any ?more)\b|"
        r"\bgive up on (life|living)\b",
    )
]

# "the cut", not "do they cut me open?".
_SITE = (
    r"(incision|(my|the|his|her|this|that) cut|wound|needle (spot|site|mark|hole)|puncture|"
    r"site|spot|bandage|dressing|stitch\w*|where (they|the needle|you) (went in|put|inserted)|"
    r"where (they|you|the doctor|he|she) did it|where it was done)"
)
_SIGN = (
    r"red|redness|swollen|swelling|puffy|warm|hot|ooz\w*|leak\w*|pus|drain\w*|discharge|"
    r"weep\w*|bruis\w*|sore|tender|painful|itch\w*|infect\w*|smell\w*|yellow\w*|"
    r"green\w*|stain\w*|fluid|wet|crust\w*|lump|bump|hard|purple|blood\w*|spotting|spot of blood|"
    r"tingl\w*|numb\w*|throb\w*|sting\w*|burn\w*"
)
_WARNING = [
    re.compile(p)
    for p in (
        # A fever that is not a high one (high fevers with chills are emergencies).
        r"\bfever\b|\b(temp|temperature|thermometer)\b.{0,20}\b(99|100)(\.\d)?\b|\bfeverish\b",
        # The needle spot: red, swollen, warm, leaking.
        _SITE + r".{0,40}\b(" + _SIGN + r")\b",
        r"\b(" + _SIGN + r")\b.{0,40}" + _SITE,
        # Pain after the procedure that is not getting better, or new pain.
        r"\bpain\w*\b.{0,40}\b(not (getting |any )?better|no better|not improv\w*|worse|hasnt (gone|"
        r"eased|improved|stopped)|wont go away|not going away|still there)\b",
        r"\b(still|new|different|another|more)\b.{0,15}\b(pain\w*|hurts?|hurting|ach\w*|sore)\b|"
        r"\b(pain\w*|hurts?|ach\w*|sore)\b.{0,40}\b(wasnt|was not|werent|were not) there before\b",
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
        r"back again|crept back|creeping back|is back|coming back)\b|\b(different|new|another) "
        r"(spot|place|area)\b",
    )
]
# A warning needs something that is happening, not a question about the future: told as
# having happened since the procedure ("since the procedure", "I came home", "two days ago")...
_REPORTED_AFTER = re.compile(
    r"\b(since|from) (the|my|his|her) (procedure|vertebroplasty|surgery|operation|injection|"
    r"cement)\b|\bthan before (the|my|his|her) (procedure|vertebroplasty)\b|"
    r"\b(wasnt|was not|werent|were not) (there )?before (the|my|his|her) (procedure|"
    r"vertebroplasty|surgery)\b|"
    r"\b(came|got|went|sent) home\b|\b(days?|weeks?) (ago|since|out)\b|"
    r"\b(yesterday|last night|this morning|today|tonight)\b|\bpost[- ]?op\b|"
    r"\b(since the sedation|afterwards|since then)\b|"
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
    r"the|if there|should i expect|risks?|chance|side effects?|possible)\b"
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


_PERSONAL = re.compile(r"\b(my|mine|i was|i have|i had|i got|its|it's|it is)\b")


def _general_question(folded: Text) -> bool:
    found = _GENERAL_QUESTION.search(folded)
    if not found:
        return False
    rest = folded[: found.start()] + " " + folded[found.end() :]
    return not _PERSONAL.search(rest)


def warning(text: Text, folded: Optional[Text] = None) -> bool:
    folded = folded if folded is not None else normalise(text)
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


def first_tier(
    text: Text, fold: Callable[[Text], Text], checks: Sequence[Tuple[Text, Check]]
) -> Optional[Text]:
    """The first tier whose check holds for (text, folded text), the checks safest first; the
    text is folded once, for all of them. Shared by the English and Spanish layers."""
    if not text or text.startswith("/"):
        return None
    folded = fold(text)
    return next((name for name, check in checks if check(text, folded)), None)


_CHECKS = [
    (CRISIS, crisis),
    (EMERGENCY, lambda text, folded: red_flag_in(folded) is not None),
    (WARNING, warning),
]


def tier(text: Text) -> Optional[Text]:
    """crisis | emergency | warning | None, safest first."""
    return first_tier(text, normalise, _CHECKS)


# When a message was not understood at all, words like these mean it may be about a symptom or
# a crisis: the safer answer then beats "Sorry, I did not understand" (components/red_flags.py
# asks only for messages that went to the fallback).
_CRISIS_CUES = re.compile(
    r"\b(die|dead|death|suicid\w*|kill\w*|goodbye|end it|pointless|hopeless|worthless|"
    r"disappear|not wake|never wake|overdos\w*|burden|give up|no point|end my)\b|"
    r"\bdying\b(?! (to|for) )"
)
_SYMPTOM_CUES = re.compile(
    r"\b(pain\w*|hurt\w*|ach(e|es|ing|y)|sore|bruis\w*|swell\w*|swollen|lump|red|blood\w*|bleed\w*|"
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
    folded = normalise(text)
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
