"""The three safety tiers for Spanish messages, decided before anything else. Pure Python, no Rasa.

The Spanish twin of components/safety_tiers.py and components/red_flag_rules.py, with the same
tier names and precedence: crisis (thoughts of suicide or self-harm: 988, 911), emergency
(urgent symptoms now: 911 first), warning (worrying but not 911: the care team's line).
Symptoms are routed, never assessed. Each symptom is judged in its own sentence: the past of a
story ("hace 3 años tuve un derrame"), a near miss or a joke ("casi me desmayo jaja"), a
question about what may come ("¿se me van a dormir las piernas?") and negations ("no tengo
fiebre") are not urgent; an urgent symptom that is over ("ayer me dolía el pecho pero ya no")
goes to the care team. Idioms are not crises ("me muero de ganas de saber", "me mata la espera"),
nor is the long-standing back pain that is the reason for the procedure. When in doubt, the
safer tier wins. Patterns: components/safety_es_crisis.py, components/safety_es_patterns.py
(symptoms), components/safety_es_warnings.py; when a symptom counts (negation, now, past,
questions): components/safety_es_context.py.
"""

import re
import unicodedata
from typing import Optional, Text, Tuple

from components import safety_es_context as when
from components.safety_es_crisis import CRISIS as CRISIS_PATTERNS
from components.safety_es_patterns import LONG_SUPPRESSED, SYMPTOMS
from components.safety_es_warnings import WARNINGS, WARNINGS_AFTER
from components.safety_tiers import (  # the same names and order (no Rasa)
    CRISIS,
    EMERGENCY,
    WARNING,
    tier_reader,
    without_role,
)

__all__ = ["CRISIS", "EMERGENCY", "WARNING", "fold", "crisis", "emergency", "warning", "tier"]

# --- folding: how patients type ---------------------------------------------------------
# Whole words, replaced in one pass: texting shorthand and misspellings the patterns need.
_WORDS = {
    **dict.fromkeys(("q", "k", "ke", "qe", "qu"), "que"),
    **dict.fromkeys(("xq", "pq", "xk", "pk", "porq", "porke", "xke", "xque"), "porque"),
    **dict.fromkeys(("tb", "tmb", "tmbn", "tambn"), "tambien"),
    **dict.fromkeys(("toy", "stoy"), "estoy"),
    **dict.fromkeys(("kiero", "qiero", "kero", "quero"), "quiero"),
    **dict.fromkeys(("sta", "ta"), "esta"),
    **dict.fromkeys(("tng", "tngo", "tego"), "tengo"),
    **dict.fromkeys(("aorita", "orita", "horita", "ahoritita", "ahoritica"), "ahorita"),
    **dict.fromkeys(("mxo", "mcho", "muxo"), "mucho"),
    **dict.fromkeys(("dsd", "dsde"), "desde"),
    **dict.fromkeys(("porfa", "xfa", "xfavor", "porfavor", "plis", "pls", "plz"), "por favor"),
    **dict.fromkeys(("fievre", "fibre", "fiebe", "fiebr"), "fiebre"),
    **dict.fromkeys(("dolo", "dolr", "dlor"), "dolor"),
    **dict.fromkeys(("pirnas", "piernaz", "pienas", "pierans"), "piernas"),
    **dict.fromkeys(("emergensia", "emerjencia"), "emergencia"),
    **dict.fromkeys(("respirrar", "resirar", "respiar"), "respirar"),
    **{"x": "por", "d": "de", "dl": "del", "pa": "para", "aora": "ahora", "bn": "bien"},
    **{"nopuedo": "no puedo", "corason": "corazon", "ambulansia": "ambulancia"},
}
_WORD = re.compile(r"\b(" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")\b")
# Before the words: repeated letters, apostrophes, phrases ("mi pa" is not "mi para").
_BEFORE = [
    (re.compile(p), r)
    for p, r in (
        (r"['\u2018\u2019`\u00b4]", ""),  # "ta'" -> "ta"
        (r"([a-z])\1{2,}", r"\1"),  # "ayudaaaa" -> "ayuda"
        (r"\bmi (ma|mai|mami|ama)\b", "mi mama"),
        (r"\bmi (pa|pai|papi|apa)\b", "mi papa"),
        (r"\b(stan|tan) (sangrando|doliendo)\b", r"estan \2"),
        (r"\bno (ciento|pueo)\b", lambda m: "no siento" if m.group(1) == "ciento" else "no puedo"),
        (r"\bse callo\b", "se cayo"),
    )
]
# After the words: the beginnings and ends of words.
_STEMS = {"desmall": "desmay", "inch": "hinch", "zangr": "sangr"}
_AFTER_WORDS = [
    (re.compile(r"\b(desmall|inch|zangr)"), lambda m: _STEMS[m.group(1)]),
    (re.compile(r"\b(\w{3,})ao\b"), r"\1ado"),  # "hinchao" -> "hinchado"
]


_SIGNS = {
    ord("\u00bf"): " ",
    ord("\u00a1"): " ",
    ord("\u00b0"): " grados ",
    ord("\u00ba"): " grados ",
}


_TOOK = re.compile(r"(?<!se )\btomó\b")


def fold(text: Text) -> Text:
    """Lowercase, no accents (á->a, ñ->n, ü->u), no ¿¡, one space, shorthand written out."""
    folded = str(text).lower()
    # "tomó" (took) written with its accent is never "tomo" (I take): keep it past.
    folded = _TOOK.sub("se tomo", folded)
    if not folded.isascii():  # accents go with the rest of what is not ASCII (emoji too)
        folded = unicodedata.normalize("NFD", folded.translate(_SIGNS))
        folded = folded.encode("ascii", "ignore").decode("ascii")
    for pattern, replacement in _BEFORE:
        folded = pattern.sub(replacement, folded)
    folded = _WORD.sub(lambda m: _WORDS[m.group(1)], folded)
    for pattern, replacement in _AFTER_WORDS:
        folded = pattern.sub(replacement, folded)
    return " ".join(folded.split())


def _sentence(text: Text, start: int) -> Tuple[Text, int, bool]:
    """The sentence of `text` holding position `start`, its start, and whether it asks."""
    begin = max((m.end() for m in when.SENTENCE_END.finditer(text, 0, start)), default=0)
    end = when.SENTENCE_END.search(text, start)
    return text[begin : end.start() if end else len(text)], begin, bool(end and "?" in end.group())


def _urgent_here(sentence: Text, upto: int, asks: bool) -> bool:
    """Whether a symptom ending at `upto` of its sentence is happening now."""
    if when.NOT_NOW.search(sentence) or when.STORY_PAST.search(sentence):
        return bool(when.STRICT_NOW.search(sentence))
    hypothetical = bool(
        when.AHEAD.search(sentence[:upto])
        or when.RISK.search(sentence)
        or (asks and not when.PERSONAL.search(sentence))
    )
    return not hypothetical or bool(when.NOW.search(when.STILL.sub(" ", sentence)))


_SYMPTOMS = [
    (name, re.compile("|".join(f"(?:{p})" for p in patterns)))
    for name, patterns in SYMPTOMS.items()
]
_SYMPTOMS = [(name, pattern, when.needed(pattern)) for name, pattern in _SYMPTOMS]
_NAMES = {"walking": "legs"}  # the English module's names


def _scan(scrubbed: Text) -> Tuple[Optional[Text], bool]:
    """(the urgent symptom happening now, or None; whether an urgent symptom is over)."""
    long_standing = bool(when.LONG_STANDING.search(scrubbed)) and not when.ACUTE.search(scrubbed)
    over = False
    for name, pattern, words in _SYMPTOMS:
        if (long_standing and name in LONG_SUPPRESSED) or not when.may_match(words, scrubbed):
            continue
        for match in pattern.finditer(scrubbed):
            sentence, begin, asks = _sentence(scrubbed, match.start())
            upto = match.end() - begin
            if not _urgent_here(sentence, upto, asks):
                continue
            if (
                when.PAST_TENSE.search(sentence[:upto])
                and when.RESOLVED.search(scrubbed, match.start())
                and not when.STRICT_NOW.search(sentence)
            ):
                over = True
                continue
            return _NAMES.get(name, name), over
    return None, over


# --- crisis: thoughts of suicide or self-harm (components/safety_es_crisis.py) -------------
_CRISIS = [re.compile(p) for p in CRISIS_PATTERNS]
_CRISIS = [(pattern, when.needed(pattern)) for pattern in _CRISIS]


# --- warning: worrying, not 911 ---------------------------------------------------------
# (pattern, whether it needs a sign that the procedure is behind them)
_WARNINGS = [(re.compile(p), False) for p in WARNINGS]
_WARNINGS += [(re.compile(p), True) for p in WARNINGS_AFTER]
_WARNINGS = [(pattern, after, when.needed(pattern)) for pattern, after in _WARNINGS]


def _warning_in(scrubbed: Text) -> bool:
    if when.GENERAL_QUESTION.search(scrubbed):
        return False
    # "me caí en marzo... desde entonces": since the story, not since the procedure.
    after = any(
        m.group() != "desde entonces" or not when.STORY_PAST.search(scrubbed, 0, m.start())
        for m in when.AFTER.finditer(scrubbed)
    )
    for pattern, needs_after, words in _WARNINGS:
        if (needs_after and not after) or not when.may_match(words, scrubbed):
            continue
        for match in pattern.finditer(scrubbed):
            sentence, begin, asks = _sentence(scrubbed, match.start())
            if (
                asks
                and when.ASKS_ABOUT.match(sentence)
                and not (when.NOW.search(sentence) or when.SEEN_ASKED.search(sentence))
            ):
                continue
            if _urgent_here(sentence, match.end() - begin, asks):
                return True
    return False


# --- the tiers --------------------------------------------------------------------------


def crisis(text: Text, folded: Optional[Text] = None) -> bool:
    folded = without_role(folded if folded is not None else fold(text))
    return any(when.may_match(words, folded) and p.search(folded) for p, words in _CRISIS)


def emergency(text: Text, folded: Optional[Text] = None) -> Optional[Text]:
    """The urgent symptom the message describes as happening now (English names), or None."""
    folded = folded if folded is not None else fold(text)
    return _scan(when.NEGATED.sub(" ", folded))[0]


def warning(text: Text, folded: Optional[Text] = None) -> bool:
    """A worrying symptom that is not an emergency, or an urgent one that is over."""
    folded = folded if folded is not None else fold(text)
    scrubbed = when.NEGATED.sub(" ", folded)
    return _scan(scrubbed)[1] or _warning_in(scrubbed)


# crisis | emergency | warning | None, safest first (the English layer's order).
tier = tier_reader(fold, crisis, lambda text, folded: emergency(text, folded) is not None, warning)


# "no tengo nada, nomás pregunto": they say nothing is wrong, so "tengo" is not a sign of now.
_NOTHING_WRONG = re.compile(
    r"\bno (tengo|tiene|siento|siente) nada\b|\b(nomas|nada mas|solo|solamente) (pregunto|"
    r"es (una )?pregunta|para saber)\b|\bpregunto (de antemano|por si acaso)\b"
)


def clearly_not_urgent(text: Text) -> bool:
    """A Spanish question about what may come ("¿qué hago si se me duermen las piernas
    después?"), with no symptom the patterns read and nothing happening now: the classifier's
    red_flag or crisis for it may be overruled, like the English `clearly_not_urgent`. Only an
    explicit hypothetical or a question about risks counts, not a bare "?"."""
    if not text or tier(text) is not None:
        return False
    scrubbed = _NOTHING_WRONG.sub(" ", when.NEGATED.sub(" ", fold(text)))
    ahead = when.AHEAD.search(scrubbed) or when.RISK.search(scrubbed)
    # A story's past ("mi amiga me contó que se le durmieron las piernas hace años") says
    # nothing of now; its sentences are left out unless they have a clear now.
    live = " . ".join(
        s
        for s in when.SENTENCE_END.split(scrubbed)
        if not (when.STORY_PAST.search(s) and not when.STRICT_NOW.search(s))
    )
    return bool(ahead) and not when.NOW.search(when.STILL.sub(" ", live))


# The Spanish counterpart of safety_tiers.asks_about_a_possible_symptom: "¿qué hago si siento
# las piernas dormidas después, ya en la casa?".
_POSSIBLE = re.compile(
    r"\b(que pasa si|que hago si|que debo hacer si|y si|en caso de que|por si|"
    r"(a todos|a todo el mundo) (les|le) pasa|les pasa a todos)\b"
)
_POSSIBLE_SYMPTOM = re.compile(
    r"\b(dolor\w*|duel\w*|sangr\w*|fiebre|calentura|dormid[ao]s?|entumid\w*|hormigue\w*|"
    r"hinchad\w*|roj[ao]s?|mare\w*|desmay\w*|vomit\w*|debil\w*|adormecid\w*)\b"
)


def asks_about_a_possible_symptom(text: Text) -> bool:
    """A question about a symptom that may come, nothing said to happen now."""
    folded = fold(text or "")
    return bool(
        _POSSIBLE.search(folded)
        and _POSSIBLE_SYMPTOM.search(folded)
        and not when.STRICT_NOW.search(folded)
    )
