"""Find the questions in a message. Pure Python, no Rasa.

"How long does it take and when can I go home?" -> ["How long does it take",
"when can I go home?"]; "will i be awake? and will it hurt?" -> two; "I'm 82, I have
osteoporosis and my doctor wants me to have this. When do I arrive?" -> the last sentence.

A message is cut into sentences, and a sentence again where "and", "also", "or", "plus" or a
comma is followed by a new question ("... and when can I ..."). What stays one question stays
whole: "swelling and redness", "on my back or my stomach". Parts that neither ask nor request
("I'm 82", "my doctor wants me to have this") are context, not questions.

Spanish too (issue 14): "¿" opens a question wherever it is ("Tengo 80 años ¿cuánto dura?"),
and "y" followed by a question word splits ("¿cuánto dura y cuándo me voy a casa?"). Only
question words that cannot be something else start one: "que" and "como" without accents are
too often "that" and "I eat"/"like".
"""

import re
from typing import List, Text

_QUESTION_START = (
    r"(?:how|what|whats|what's|when|whens|where|why|who|which|will|would|can|could|should|shall|"
    r"do|does|did|is|are|am|was|were|have|has|may|might|must|any|tell me|explain|i want to know|"
    r"i'd like to know|i would like to know|i need to know|i wonder|i was wondering|wondering|"
    r"i'm wondering|im wondering|is it|are there|is there|how's|hows|whether)"
)
_QUESTION_START_ES = (
    r"(?:¿|cu[aá]nto|cu[aá]ntas|cu[aá]ntos|cu[aá]nta|cu[aá]ndo|qu[eé] (?:pasa|hago|tengo|debo|"
    r"necesito|sigue)|qué|cómo|d[oó]nde|qui[eé]n|cuál|puedo|podr[eé]|debo|tengo que|me van a|"
    r"voy a poder|se puede|es normal|me pueden|hay que|necesito|me puedo|me tengo que|me dejan|"
    # "en qué posición", "a qué hora", "por qué": "que" after these is a question word; "en
    # cuántas horas", "a las cuántas horas" too.
    r"en qu[eé]|a qu[eé] hora|por qu[eé]|en cu[aá]nt[oa]s?|a las cu[aá]ntas)"
)
_SENTENCES = re.compile(r"(?<=[.?!])\s+|\n+|(?<=\?)(?=\S)|\s*(?=¿)")
_JOINED_QUESTION = re.compile(
    r"(?:,\s*|\s+)(?:and|also|or|plus|then|but|&)\s+(?:also\s+)?(?=" + _QUESTION_START + r"\b)"
    r"|,\s*(?=" + _QUESTION_START + r"\b)"
    r"|,\s*(?=" + _QUESTION_START_ES + r"(?!\w))"
    r"|(?:,\s*|\s+)(?:y|o|tambi[eé]n|adem[aá]s|pero)\s+(?:tambi[eé]n\s+)?(?="
    + _QUESTION_START_ES
    + r"(?!\w))",
    re.IGNORECASE,
)
_ASKS = re.compile(
    r"\?\s*$|¿|^\W*(?:y\s+|o\s+)?" + _QUESTION_START_ES + r"(?!\w)"
    # "que es exactamente la vertebroplastia" opening a part asks, accent or not.
    r"|^\W*(?:y\s+|o\s+)?que (?:es|son|significa|quiere decir)\b"
    # Up to three fillers before the question word: "seriously tho how long is recovery".
    r"|^\W*(?:(?:and|also|so|but|ok|okay|well|seriously|honestly|anyway|anyways|tho|though|"
    r"really|just|now|hey|hi|um|umm|oh|lol|haha)\W+){0,3}" + _QUESTION_START + r"\b"
    # A request inside a sentence: "the nurse asked me to find out how quickly..."
    r"|\b(?:find out|wants? to know|like to know|need to know|wondering|tell me|"
    r"let me know|explain|my (?:main |only |other )?question is|"
    r"(?:is|was|keeps|are) asking (?:who|what|when|where|why|how|if|whether)|"
    # Spanish: "quiero saber", "mi hija quiere saber", "lo que quiero saber es", "mi pregunta es".
    r"(?:quiero|kiero|quiere|queremos|quieren|quisiera|quisi[eé]ramos|necesito|necesita|"
    r"necesitamos) saber|(?:me|le|nos|les) gustar[ií]a saber|"
    r"mi (?:otra |[uú]nica )?pregunta es|d[ií]game|expl[ií]queme)\b",
    re.IGNORECASE,
)
# "1) how long does it take 2) can I go home that day": numbered questions.
_NUMBERED = re.compile(
    r"(?:^|\s)\(?\d{1,2}[).]\s+|\b(?:first|second|third|fourth|next|lastly|"
    r"finally)\s*[,:]\s*",
    re.IGNORECASE,
)
_LEADING = re.compile(r"^[^\w¿]*(?:and|also|or|plus|then|but|so|&|y|o|pero)\s+", re.IGNORECASE)
MIN_WORDS = 2
# A request's lead-in, before the question itself: "I just want to know if I'll be awake" is
# read as "I'll be awake" (the lead-in's "I just want" reads like a crisis to the classifier).
_LEAD_IN = re.compile(
    r"^\W*(?:(?:ok|okay|so|well|hi|hello|hey|and|but|also|seriously|honestly|anyway|tho|"
    r"though)\W+){0,3}(?:i\s+(?:just\s+|really\s+|only\s+)?(?:want|wanted|need|needed)\s+to"
    r"\s+know|i(?:'d|\s+would)\s+(?:like|love)\s+to\s+know|i\s+was\s+wondering|"
    r"i(?:'m|\s+am)?\s+wondering|im\s+wondering|wondering|just\s+curious|"
    r"my\s+(?:main\s+|only\s+|other\s+|real\s+)?question\s+is|(?:quick|one)\s+question|"
    r"i\s+have\s+a\s+question|(?:(?:can|could|would)\s+you\s+)?(?:please\s+)?tell\s+me"
    r"(?=\s+(?:if|whether|how|what|when|where|who|why|which)\b)|do\s+you\s+know|"
    r"(?:yo\s+)?(?:solo\s+|nada\s+m[aá]s\s+|nom[aá]s\s+)?(?:quiero|quisiera|necesito)\s+saber|"
    r"me\s+gustar[ií]a\s+saber|mi\s+(?:[uú]nica\s+|otra\s+)?pregunta\s+es|"
    r"(?:me\s+puede|puede)\s+decir)\b[\s,:]*(?:(?:if|whether|si)\b\s*)?",
    re.IGNORECASE,
)


def core(part: Text) -> Text:
    """The question without a request's lead-in ("my question is", "I want to know if",
    "quiero saber si"); the part itself if that would leave fewer than two words."""
    rest = _LEAD_IN.sub("", part, count=1).strip()
    return rest if rest != part.strip() and len(rest.split()) >= MIN_WORDS else part


def parts(text: Text) -> List[Text]:
    """The message cut into sentences and joined questions, in order, without empty parts."""
    found: List[Text] = []
    for sentence in (s for chunk in _NUMBERED.split(text or "") for s in _SENTENCES.split(chunk)):
        for piece in _JOINED_QUESTION.split(sentence):
            piece = _LEADING.sub("", piece).strip(" ,;-").rstrip(".")
            if piece:
                found.append(piece)
    return found


def asks(part: Text) -> bool:
    """A question or a request for information, by its form."""
    return bool(_ASKS.search(part.strip()))


def questions(text: Text) -> List[Text]:
    """The parts of the message that ask something (all of them if it is one part)."""
    cut = parts(text)
    if len(cut) <= 1:
        return cut
    return [p for p in cut if asks(p) and len(p.split()) >= MIN_WORDS]
