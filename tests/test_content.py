"""Guards on what the assistant says: facts from the page only, each in the answers of its topic
and no others, plain words, one phone number."""

import copy
import os
import re
import subprocess
from pathlib import Path
from typing import Any, Dict, Iterator, List, Set, Tuple

import pytest
import textstat

from actions.follow_up_questions import TOPIC_OF_ANSWER
from tests.helpers import ROOT, allowed_facts, fact, tel_link

FACTS = allowed_facts()
PAGE_IN_SHARED = Path("shared", "source", "vertebroplasty-page.txt")
NUMBER_WORDS = (
    r"\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|hundred|half|couple|several|once|twice|first|second|third)\b"
)
TIME_WORDS = (
    r"\b(seconds?|minutes?|hours?|days?|weeks?|months?|years?|overnight|tomorrow|"
    r"tonight|morning|evening|night)\b"
)
PHONE_LIKE = re.compile(r"\(?\b\d{3}\)?[\s.\-]?\d{3}[\s.\-]\d{4}\b|tel:\+?\d+")


# The same guards for the Spanish answers (issue 14): Spanish number and time words ("una" is
# also "a", so it is not a number word here), and Fernández-Huerta for plain Spanish.
SPANISH_NUMBER_WORDS = (
    r"\b(dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|veinte|"
    r"treinta|cien|medio|media|par|varios|varias|primer[oa]?|segund[oa]|"
    r"tercer[oa]?)\b"
)
SPANISH_TIME_WORDS = (
    r"\b(segundos?|minutos?|horas?|d[ií]as?|semanas?|mes|meses|años?|noche|"
    r"mañana|madrugada)\b"
)
MIN_FERNANDEZ_HUERTA = 70  # issue 14: "normal" or easier

# What the tests below put in place of a fact to simulate a changed one: made up, so that no real
# change of the page (docs/changing-a-fact.md) can make the "changed" fact equal the new one.
MADE_UP_WEEKS = "97 to 98 weeks"
MADE_UP_HOURS = "97 to 98 hours"
MADE_UP_ES = "97 a 98 horas"
MADE_UP_PAGE_SENTENCE = "Please arrive 97-98 hours before your procedure."


def language_of(variation: Dict[str, Any]) -> str:
    for condition in variation.get("condition") or []:
        if condition.get("name") == "language":
            return condition.get("value") or "en"
    return "en"


def response_texts(domain, phone, language: str = "en"):
    """(response name, text as a patient reads it) for every variation of every response in
    `language`."""
    for name, variations in domain["responses"].items():
        for variation in variations:
            if language_of(variation) != language:
                continue
            text = variation.get("text", "")
            yield name, text.replace("{phone}", phone).replace("{medication}", "Eliquis")
            for button in variation.get("buttons", []):
                yield f"{name} button", button["title"]


def source_page() -> Path:
    """The hospital's page (kept outside the project): $VERTEBRO_SOURCE_PAGE, else shared/
    beside this checkout, else shared/ beside the checkout this one was cloned from (a clone
    made in a temporary folder, as CI's check does)."""
    if os.environ.get("VERTEBRO_SOURCE_PAGE"):
        return Path(os.environ["VERTEBRO_SOURCE_PAGE"])
    candidates = [ROOT.parent / PAGE_IN_SHARED]
    origin = subprocess.run(
        ["git", "-C", str(ROOT), "config", "--get", "remote.origin.url"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    if origin and Path(origin).is_dir():
        candidates.append(Path(origin).resolve().parent / PAGE_IN_SHARED)
    found = [path for path in candidates if path.is_file()]
    assert found, (
        f"the hospital's page was not found at {[str(c) for c in candidates]}; set "
        f"VERTEBRO_SOURCE_PAGE to its path"
    )
    return found[0]


# Responses that may state facts of other topics, and why. Any other response may state only the
# facts whose `topic` (tests/data/allowed_facts.yml) names it.
COMPOSERS = {
    "utter_how_long": "answers a bare 'how long?' for the topic of the last answer: the "
    "variation for how_long_topic T stands for T's answer (HOW_LONG_ANSWER), "
    "so it must state all of that answer's facts and no others",
    "utter_medical_advice": "with a medicine named, it gives the blood-thinner fact of "
    "utter_blood_thinners before saying the care team decides",
}
MEDICAL_ADVICE_MAY_STATE = {"utter_blood_thinners"}
# how_long_topic value -> the answer its utter_how_long variation stands for (utter_<value>
# unless listed; actions/follow_up_questions.py maps answers to these values).
HOW_LONG_ANSWER = {"procedure": "utter_procedure_duration"}


def is_english(variation: Dict[str, Any]) -> bool:
    """Not a variation for another language (conditioned on a `language` slot, issue 14)."""
    return all(
        c.get("name") != "language" or c.get("value") in (None, "en")
        for c in variation.get("condition") or []
    )


def condition_value(variation: Dict[str, Any], slot: str):
    for condition in variation.get("condition") or []:
        if condition.get("name") == slot:
            return condition.get("value")
    return None


def english_variations(
    domain, phone, language: str = "en"
) -> Iterator[Tuple[str, Dict[str, Any], str]]:
    """(response name, variation, its text as a patient reads it) for every variation in
    `language` (English unless told)."""
    for name, variations in domain["responses"].items():
        for variation in variations:
            if language_of(variation) == language and "text" in variation:
                text = variation.get("text", "")
                yield (
                    name,
                    variation,
                    text.replace("{phone}", phone).replace("{medication}", "Eliquis"),
                )


def speaks_for(name: str, variation: Dict[str, Any]) -> Tuple[Set[str], Set[str]]:
    """(answers whose facts this variation must state, answers whose facts it may state)."""
    if name not in COMPOSERS:
        return {name}, {name}
    if name == "utter_how_long":
        value = condition_value(variation, "how_long_topic")
        if value is None:  # "How long for which part?"
            return set(), set()
        answer = HOW_LONG_ANSWER.get(value, f"utter_{value}")
        return {answer}, {answer}
    assert name == "utter_medical_advice", f"COMPOSERS names {name}: say what it may state"
    return {name}, {name} | MEDICAL_ADVICE_MAY_STATE


def states(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE) is not None


def topic_problems(
    domain, facts: List[Dict[str, Any]], phone: str, language: str = "en"
) -> List[str]:
    """What is wrong between the facts file and the answers: a fact no longer given by an answer
    of its topic, or a fact given by an answer of another topic. Empty when all is well."""
    problems = [
        f"{name}: in COMPOSERS but not a response of the domain"
        for name in COMPOSERS
        if name not in domain["responses"]
    ]
    responses = domain["responses"]
    for entry in facts:
        for answer in entry["topic"]:
            if not any(is_english(v) for v in responses.get(answer, [])):
                problems.append(
                    f"{entry['key']}: its topic {answer} is not an English response of the domain"
                )
    for value in domain["slots"]["how_long_topic"]["values"]:
        answer = HOW_LONG_ANSWER.get(value, f"utter_{value}")
        if TOPIC_OF_ANSWER.get(answer) != value:
            problems.append(f"how_long_topic {value}: {answer} is not the answer for it")
        if not any(
            condition_value(v, "how_long_topic") == value
            for v in responses.get("utter_how_long", [])
            if is_english(v)
        ):
            problems.append(f"how_long_topic {value}: no utter_how_long variation")
    phrase_key = "phrase" if language == "en" else language
    for name, variation, text in english_variations(domain, phone, language):
        must, may = speaks_for(name, variation)
        for entry in facts:
            topic = set(entry["topic"])
            said = states(text, entry[phrase_key])
            # The line is required of the answers its topic names, not of those standing in.
            required = {name} if entry.get("in_any_answer") else must
            if topic & required and not said:
                problems.append(
                    f"{name} does not state {entry['key']} ({entry[phrase_key]!r}): {text!r}"
                )
            if said and not topic & may and not entry.get("in_any_answer"):
                problems.append(
                    f"{name} states {entry['key']} ({entry[phrase_key]!r}) of "
                    f"{sorted(topic)}: {text!r}"
                )
    return problems


def page_problems(facts: List[Dict[str, Any]], page_text: str) -> List[str]:
    """Facts whose `page` quote is not on the page (whitespace as on the page does not count)."""
    page = " ".join(page_text.split())
    return [
        f"{entry['key']}: {entry['page']!r} is not on the page"
        for entry in facts
        if " ".join(entry["page"].split()) not in page
    ]


def test_the_page_states_every_allowed_fact():
    assert page_problems(FACTS["facts"], source_page().read_text(encoding="utf-8")) == []


def test_every_fact_is_in_the_answers_of_its_topic_and_no_others(domain, phone):
    assert topic_problems(domain, FACTS["facts"], phone) == []


def test_every_fact_is_in_the_spanish_answers_of_its_topic_and_no_others(domain, phone):
    assert topic_problems(domain, FACTS["facts"], phone, language="es") == []


def test_the_spanish_check_catches_a_wrong_spanish_fact(domain, phone):
    broken = copy.deepcopy(domain)
    for variation in broken["responses"]["utter_recovery"]:
        if language_of(variation) == "es":
            variation["text"] = variation["text"].replace(fact("recovery", "es"), MADE_UP_ES)
    assert [
        p
        for p in topic_problems(broken, FACTS["facts"], phone, language="es")
        if p.startswith("utter_recovery does not state recovery")
    ]


def test_every_fact_has_a_key_phrase_page_and_topic():
    keys = [entry["key"] for entry in FACTS["facts"]]
    assert len(keys) == len(set(keys)), keys
    for entry in FACTS["facts"]:
        assert entry["phrase"] and entry["es"] and entry["page"] and entry["topic"], entry


def changed(domain, response: str, old: str, new: str):
    """A copy of the domain with `old` replaced by `new` in every English variation of
    `response` (domain.yml itself is never touched)."""
    broken = copy.deepcopy(domain)
    for variation in broken["responses"][response]:
        if is_english(variation):
            variation["text"] = variation["text"].replace(old, new)
    return broken


def test_the_reverse_check_catches_a_fact_no_answer_gives(domain, phone):
    """The follow-up changed in the answer but not in the facts file, or an answer removed."""
    follow_up = fact("follow_up")
    broken = changed(domain, "utter_follow_up", follow_up, MADE_UP_WEEKS)
    assert [
        p
        for p in topic_problems(broken, FACTS["facts"], phone)
        if p.startswith("utter_follow_up does not state follow_up")
    ]
    broken = changed(domain, "utter_how_long", fact("arrival"), MADE_UP_HOURS)
    assert [
        p
        for p in topic_problems(broken, FACTS["facts"], phone)
        if p.startswith("utter_how_long does not state arrival")
    ]
    broken = copy.deepcopy(domain)
    del broken["responses"]["utter_recovery"]
    assert (
        "recovery: its topic utter_recovery is not an English response of the domain"
        in topic_problems(broken, FACTS["facts"], phone)
    )


def test_the_reverse_check_catches_a_fact_in_the_wrong_answer(domain, phone):
    recovery = fact("recovery")
    for response in ("utter_cement", "utter_medical_advice"):
        broken = copy.deepcopy(domain)
        [variation, *_] = [v for v in broken["responses"][response] if is_english(v)]
        variation["text"] += f" Recovery takes {recovery}."
        assert [
            p
            for p in topic_problems(broken, FACTS["facts"], phone)
            if p.startswith(f"{response} states recovery")
        ], response
    broken = copy.deepcopy(domain)
    for variation in broken["responses"]["utter_how_long"]:
        if condition_value(variation, "how_long_topic") == "cement" and is_english(variation):
            variation["text"] += f" Recovery takes {recovery}."
    assert [
        p
        for p in topic_problems(broken, FACTS["facts"], phone)
        if p.startswith("utter_how_long states recovery")
    ]
    # ... while the blood-thinner fact in the medical-advice answer is allowed (COMPOSERS).
    assert topic_problems(domain, FACTS["facts"], phone) == []


def test_the_page_check_catches_a_quote_the_page_no_longer_has():
    page = " ".join(source_page().read_text(encoding="utf-8").split())  # as page_problems reads
    quote = next(e["page"] for e in FACTS["facts"] if e["key"] == "arrival")
    assert page_problems(FACTS["facts"], page.replace(quote, MADE_UP_PAGE_SENTENCE)) == [
        f"arrival: {quote!r} is not on the page"
    ]


def test_every_number_and_time_span_is_on_the_page(domain, phone):
    allowed = [f["phrase"] for f in FACTS["facts"]] + FACTS["safety"]
    for name, text in response_texts(domain, phone):
        rest = text.lower()
        for phrase in sorted(allowed, key=len, reverse=True):
            rest = rest.replace(phrase.lower(), " ")
        assert not re.search(r"\d", rest), (name, text)
        assert not re.search(NUMBER_WORDS, rest), (name, text)
        assert not re.search(TIME_WORDS, rest), (name, text)


def test_every_number_and_time_span_of_the_spanish_answers_is_on_the_page(domain, phone):
    allowed = [f["es"] for f in FACTS["facts"]] + FACTS["safety"]
    texts = list(response_texts(domain, phone, "es"))
    assert len(texts) > 50
    for name, text in texts:
        rest = text.lower()
        for phrase in sorted(allowed, key=len, reverse=True):  # whole words: "más de una hora"
            rest = re.sub(rf"(?<!\w){re.escape(phrase.lower())}(?!\w)", " ", rest)
        assert not re.search(r"\d", rest), (name, text)
        assert not re.search(SPANISH_NUMBER_WORDS, rest), (name, text)
        assert not re.search(SPANISH_TIME_WORDS, rest), (name, text)


def test_the_spanish_check_catches_an_invented_fact():
    fake = {
        "responses": {
            "utter_x": [
                {
                    "condition": [{"name": "language", "value": "es"}],
                    "text": "La recuperación dura tres días.",
                }
            ]
        }
    }
    with pytest.raises(AssertionError):
        test_every_number_and_time_span_of_the_spanish_answers_is_on_the_page(fake, "847")


def test_the_check_catches_an_invented_fact():
    """The guard above must fail on a made-up number (a guard that cannot fail is no guard)."""
    fake = {"responses": {"utter_x": [{"text": "Recovery takes 3 days."}]}}
    with pytest.raises(AssertionError):
        test_every_number_and_time_span_is_on_the_page(fake, "847.570.2160")


def test_every_response_is_plain_language(domain, phone):
    for name, text in response_texts(domain, phone):
        if "button" in name:
            continue
        grade = textstat.flesch_kincaid_grade(text.replace(phone, "the number"))
        assert grade <= 8, (name, grade, text)


def test_every_spanish_response_is_plain_language(domain, phone):
    textstat.set_lang("es")
    try:
        for name, text in response_texts(domain, phone, "es"):
            if "button" in name or not text:
                continue
            score = textstat.fernandez_huerta(text.replace(phone, "el número"))
            assert score >= MIN_FERNANDEZ_HUERTA, (name, score, text)
    finally:
        textstat.set_lang("en_US")


def test_phone_number_is_kept_in_one_place(domain, phone):
    assert phone == fact("phone")  # the facts file, checked against the page
    raw = (ROOT / "domain.yml").read_text(encoding="utf-8")
    assert raw.count(phone) == 1, "the number belongs in the phone slot only; responses use {phone}"


def test_phone_number_is_identical_everywhere():
    """Every phone-like string the project ships (code, data, pages, docs) is the line.

    Tests are left out: some feed other spellings of the number to check parsing.
    """
    files = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    files = [name for name in files if not name.startswith("tests/")]
    seen = set()
    for name in files:
        path = ROOT / name
        if not path.is_file() or path.suffix in {".png", ".jpg", ".gz", ".ico", ".woff2"}:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for match in PHONE_LIKE.findall(text):
            seen.add((name, match))
    wrong = {(name, m) for name, m in seen if m not in {fact("phone"), tel_link(fact("phone"))}}
    assert seen, "the phone number should be found at least in domain.yml"
    assert not wrong


def test_red_flag_answer_says_911_first(domain):
    for variation in domain["responses"]["utter_red_flag"]:
        first_sentences = variation["text"].split(".")[:2]
        assert any("911" in s for s in first_sentences)


def test_not_covered_answers_say_so_and_give_the_line(domain):
    for name in ("utter_out_of_scope", "utter_not_sure", "utter_handoff", "utter_medical_advice"):
        for variation in domain["responses"][name]:
            assert "{phone}" in variation["text"], name
    [english, spanish] = domain["responses"]["utter_out_of_scope"]
    assert "don't have that information" in english["text"]
    assert "no tengo esa información" in spanish["text"]


def test_spanish_safety_answers_route_as_the_english_ones(domain):
    """911 first for an emergency, 988 and 911 for a crisis, the care team for a warning."""

    def spanish(name):
        return [v["text"] for v in domain["responses"][name] if language_of(v) == "es"]

    for text in spanish("utter_red_flag"):
        assert "911" in " ".join(text.split(".")[:2])
    for text in spanish("utter_crisis"):
        assert "988" in text and "911" in text
    for text in spanish("utter_warning_sign"):
        assert "equipo médico" in text and "{phone}" in text
    for text in spanish("utter_medical_advice") + spanish("utter_blood_thinners"):
        assert (
            "No deje de tomar ningún medicamento a menos que su médico se lo indique" in text
            or "no puedo decidir" in text.lower()
        )
