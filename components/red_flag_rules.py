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

from components.red_flag_patterns import FOLD as _FOLD
from components.red_flag_patterns import SYMPTOMS as _SYMPTOMS

# Words that make a symptom a question about the future, about risks, or about the past...
_MODAL_BEFORE = re.compile(
    r"\b(will|would|could|might|gonna|going to|what if|what happens if|in case|if i|if my|"
    r"if there|if theres|if it|if he|if she|if the|if you|when i|cause|make it|make me)\b|"
    r"^(does|do|can|could|should)\b"
)
_RISK_OR_PAST = re.compile(
    r"\b(risks?|chances?|side effects?|possible|usual|normal|expect|should i worry|is it common|"
    r"happen to|last (year|month|week)|years? ago|months? ago|in the past|history of|used to|"
    r"can i still|still have (it|this|the)|tell the doctor|"
    r"(could|can|would|will|does|might|did) (that|this|it) happen)\b"
)
# ...unless something is going on now. When in doubt, treat it as happening. "Fine now" and
# "better now" say it is over.
_NOW = (
    r"(?<!fine )(?<!better )(?<!okay )(?<!ok )(?<!good )(?<!well )(?<!normal )(?<!all )"
    r"(?<!recovery )(?<!great )(?<!stable )now"
)
_HAPPENING_NOW = re.compile(
    r"\b(" + _NOW + r"|right now|rn|currently|suddenly|started|starting|since|today|tonight|"
    r"(hours?|minutes?|mins?) ago|this morning|this evening|all day|keeps?|(?<!to )(?<!someone )(?<!somebody )(?<!anyone )(?<!you )(?<!they )help|hurry|asap|911|"
    r"i am(?! (on|taking|booked|scheduled|due|home|worried|nervous|scared|"
    r"afraid|wondering|asking|curious|\d))|i cant|he cant|she cant|they cant|i just|"
    r"just(?! (asking|wondering|curious|checking|in case|want\w* to know))|"
    r"(my|his|her) \w+ (is|are|has|have|went|got|keeps?)|"
    r"(is|are) (still )?(numb|weak|bleeding|dead|tingling)|still (bleeding|numb)|(is|are) (my|his|her) \w+ (bleeding|numb|weak)|"
    r"wont stop|cant stop)\b"
)

# With "nearly", "whenever" or a joke, only a clear sign of now counts.
_HAPPENING_NOW_STRICT = re.compile(
    r"\b(right now|just now|"
    + _NOW
    + r"|rn|(hours?|minutes?|mins?) ago|in the (last|past) (hour|half hour|few minutes|\d+ minutes)|"
    r"since (the|my|his|her) (procedure|vertebroplasty)|since (we|i|she|he|they) (came|got) home|"
    r"currently|today|tonight|this morning|all of a sudden|help|hurry|asap|911|"
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
    r"\bfor (a long time|ages|so long|a while|weeks|months|years)\b|\bsince then\b|\bsince (my|the|her|his) (fall|fracture|"
    r"break|accident)\b|\bsince (january|february|march|april|may|june|july|august|"
    r"september|october|november|december|last (week|month|year)|the summer|the spring)\b|"
    r"\b(will|can|could|would) (this|it|the procedure|vertebroplasty) help\b|"
    # The pain is why they are having the procedure ("which is why my doctor referred me").
    r"\b(which is|thats|that is|its|it's|it is) (the reason |exactly )?why\b|\b(referred|sent) me\b|"
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
    folded = _IDIOMS.sub(" ", folded)  # "just killing time" is not a sign of now
    sentences = [s.strip() for s in _SENTENCE_END.split(folded) if s.strip()]
    long_standing = bool(_LONG_STANDING.search(folded)) and not _ACUTE.search(folded)
    asks_about_it = bool(_QUESTION.search(folded) or _ASKS_ABOUT_PROCEDURE.search(folded))
    if long_standing or any(_PAST.search(s) or _NOT_NOW.search(s) for s in sentences):
        # A story's past, a near miss or a joke, with a question: only a clear now counts.
        asks = asks_about_it or any(
            _QUESTION.search(s) or _MODAL_BEFORE.search(s) for s in sentences
        )
        return asks and not _HAPPENING_NOW_STRICT.search(folded)
    asks = bool(asks_about_it or _MODAL_BEFORE.search(folded) or _RISK_OR_PAST.search(folded))
    return asks and not _HAPPENING_NOW.search(folded)


_SENTENCE_END = re.compile(r"[.!?;\n]+")
# A question about the procedure inside a sentence, with no question mark ("ok last one who
# actually does the procedure"). Only about the procedure: "who would even care" is not one.
_ASKS_ABOUT_PROCEDURE = re.compile(
    r"\b(who|what|how|when|where|which)\b( \w+)? (do|does|did|is|are|will|would|can|could|"
    r"should|long|much|many|soon)\b.{0,60}\b(procedure|vertebroplasty|cement|glue|needle|bone|"
    r"doctor|dr|radiologist|recovery|follow ?up|sedation|awake|arrive|go home|hospital|take|"
    r"bandage|dressing|x ?rays?)\b"
)
# Idioms with alarming words that never describe danger; left out when judging whether a
# message the classifier took for a crisis or an emergency is clearly not one.
_IDIOMS = re.compile(
    r"\b(just )?(kill|killing|pass|passing) (some |the |a little )?time\b|\bkilling it\b|"
    r"\b(suspense|wait|waiting|curiosity|anticipation|not knowing) (is |are )?(just )?killing me\b|"
    r"\bdying to (know|see|hear|get|go|find out)\b|"
    r"\b(scared|bored|worried|frightened|terrified) to death\b"
)
# Said of a symptom in its own sentence, these make it not an emergency: something that nearly
# happened, happens habitually, or a joke ("I nearly fainted when they told me", "I get a
# terrible headache whenever I'm nervous", "he nearly had a heart attack at the bill lol").
_NOT_NOW = re.compile(
    r"\b(nearly|almost)(?! (full|empty|all|gone|finished|out|every|half|a whole|the whole))|"
    r"\b(whenever|every time|each time|usually|always|tend to|lol+|lmf?ao+|ha ha|"
    r"ha(ha)+h?|he(he)+|knock on wood|"
    r"afraid of|scared of|fear of|not afraid|worried about|worry about|worried it|"
    # A fear of what may come, a lifelong reaction, something they have lived with for years.
    r"(scared|afraid|worried|terrified) (they|that|it|i|ill|theyll|i will|they will)|"
    r"at the sight of|for years|like that for|(been|is) like that|for (\d+|many|several|a few) years|"
    # Something that comes with an effort they describe ("short of breath if he walks far"),
    # or that happened before ("I've fainted at the dentist twice").
    r"(gets?|getting) \w+( \w+)?( \w+)? (if|when) (i|he|she|they) (walk|climb|stand|bend|sit|"
    r"lie)\w*|(have|has|ve) fainted( \w+){0,4} (twice|before|times|once)|nothing is wrong|"
    # A joke, allergies, something seen on TV or read about.
    r"jok(e|es|ed|ing)|kidding|(it'?s|it is) just (allergies|my allergies|a cold|nerves|my nerves|"
    r"anxiety|hay fever)|(on|watched|saw) (a |the )?(tv|television|show|movie|film|news)|"
    r"read (about|online)|heard about)\b"
)


def _sentence_at(folded: Text, start: int) -> Text:
    """The sentence of `folded` that contains position `start`."""
    begin = max((m.end() for m in _SENTENCE_END.finditer(folded, 0, start)), default=0)
    end = _SENTENCE_END.search(folded, start)
    return folded[begin : end.start() if end else len(folded)]


# The past of a story: only a clear sign of now makes its symptom urgent.
_PAST = re.compile(
    r"\b(\d+|a|an|one|two|three|four|five|six|several|many|some|few|a few|couple of) "
    r"(years?|months?|weeks?) ago\b|\b(years|months|ages|decades) ago\b|\blast (year|month|spring|summer|fall|autumn|winter|"
    r"christmas)\b|\bin (january|february|march|april|may|june|july|august|september|october|"
    r"november|december|the past|\d{4})\b|\bever since\b|\bhistory of\b|\bused to\b|"
    r"\byears back\b|\bas a (child|kid)\b|\bat my last\b|\bonce (before|years)\b|"
    r"\bback in (the )?(spring|summer|fall|autumn|winter|january|february|march|april|may|june|"
    r"july|august|september|october|november|december|\d{4})\b|"
    r"\bhad an? \w+ once\b|\b(fainted|had|got)( \w+){0,5} once\b|\blast time\b|"
    r"\bin the (\d0s|\d{4}s|fifties|sixties|seventies|eighties|nineties)\b"
)


# Said to be over in the same sentence: "my toes went numb in the snow, totally fine now".
_RESOLVED = re.compile(
    r"\b((totally|completely|all|perfectly|feel|feeling|i am|its|it's|they are|theyre) |(is|are) "
    r"(all )?)(fine|ok|okay|better|normal) now\b|\bback to normal\b"
)
_STILL = re.compile(r"\b(still|again|right now|just now|not (fine|ok|okay|better|normal) now)\b")


def _urgent_here(sentence: Text, offset: int) -> bool:
    """Whether the symptom starting at `offset` of its sentence is happening now."""
    if _RESOLVED.search(sentence) and not _STILL.search(sentence):
        return False
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


# Someone else's story followed by "could that happen to me / with this one?": the asker
# compares it with their own procedure to come, so the story's symptom counts only with a
# clear sign of now ("my sister got numb legs after her surgery. could that happen with this
# one?"). "My legs went numb. Could that happen from the cement?" stays urgent.
_ASKS_IF_THAT_HAPPENS = re.compile(
    r"^\s*(and |so |but )?(could|can|would|will|might|does|did) (that|this|it) happen "
    r"(to me|to us|to my \w+|with (this|mine|my \w+)( one)?|for me|too|as well)\b"
)


# "My friend had a stroke after hers. Could that happen from this?": someone who is surely not
# the patient, so "from this" compares too ("my legs went numb. could that happen from the
# cement?" is the patient's own and stays urgent).
_SOMEONE_ELSE = re.compile(
    r"\b(my|a|our|his|her) (friend|neighbou?r|coworker|co-worker|cousin|buddy|pal|colleague)\b|"
    r"\bsomeone (i know|at (church|work))\b"
)
_ASKS_IF_IT_COMES_FROM = re.compile(
    r"^\s*(and |so |but )?(could|can|would|will|might|does|did) (that|this|it) happen from "
    r"(this|it|that|the procedure|the cement|mine)\b"
)


def _compares(sentence: Text, following: Text) -> bool:
    """The sentence after a story asks whether that could happen to the asker."""
    return bool(
        _ASKS_IF_THAT_HAPPENS.search(following)
        or (_SOMEONE_ELSE.search(sentence) and _ASKS_IF_IT_COMES_FROM.search(following))
    )


def red_flag_in(folded: Text) -> Optional[Text]:
    """red_flag() of a message already normalised."""
    for symptom, start in _symptoms(folded):
        sentence = _sentence_at(folded, start)
        begin = max((m.end() for m in _SENTENCE_END.finditer(folded, 0, start)), default=0)
        end = begin + len(sentence)
        following = _sentence_at(folded, end + 1) if end + 1 < len(folded) else ""
        if _compares(sentence, following):
            if _HAPPENING_NOW_STRICT.search(sentence):
                return symptom
            continue
        if _urgent_here(sentence, start - begin):
            return symptom
    return None
