"""Guards on what the assistant says: facts from the page only, plain words, one phone number."""
import os
import re
import subprocess
from pathlib import Path

import pytest
import textstat

from tests.helpers import ROOT, load_yaml

FACTS = load_yaml("tests/data/allowed_facts.yml")
PAGE_IN_SHARED = Path("shared", "source", "vertebroplasty-page.txt")
NUMBER_WORDS = r"\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|" \
               r"thirty|forty|fifty|hundred|half|couple|several|once|twice|first|second|third)\b"
TIME_WORDS = r"\b(seconds?|minutes?|hours?|days?|weeks?|months?|years?|overnight|tomorrow|" \
             r"tonight|morning|evening|night)\b"
PHONE_LIKE = re.compile(r"\(?\b\d{3}\)?[\s.\-]?\d{3}[\s.\-]\d{4}\b|tel:\+?\d+")


def response_texts(domain, phone):
    """(response name, text as a patient reads it) for every variation of every response."""
    for name, variations in domain["responses"].items():
        for variation in variations:
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
    origin = subprocess.run(["git", "-C", str(ROOT), "config", "--get", "remote.origin.url"],
                            capture_output=True, text=True).stdout.strip()
    if origin and Path(origin).is_dir():
        candidates.append(Path(origin).resolve().parent / PAGE_IN_SHARED)
    found = [path for path in candidates if path.is_file()]
    assert found, (f"the hospital's page was not found at {[str(c) for c in candidates]}; set "
                   f"VERTEBRO_SOURCE_PAGE to its path")
    return found[0]


def test_the_page_states_every_allowed_fact():
    page = " ".join(source_page().read_text(encoding="utf-8").split())
    for fact in FACTS["facts"]:
        assert fact["page"] in page, fact


def test_every_number_and_time_span_is_on_the_page(domain, phone):
    allowed = [f["phrase"] for f in FACTS["facts"]] + FACTS["safety"]
    for name, text in response_texts(domain, phone):
        rest = text.lower()
        for phrase in sorted(allowed, key=len, reverse=True):
            rest = rest.replace(phrase.lower(), " ")
        assert not re.search(r"\d", rest), (name, text)
        assert not re.search(NUMBER_WORDS, rest), (name, text)
        assert not re.search(TIME_WORDS, rest), (name, text)


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


def test_phone_number_is_kept_in_one_place(domain, phone):
    assert phone == "847.570.2160"
    raw = (ROOT / "domain.yml").read_text(encoding="utf-8")
    assert raw.count(phone) == 1, "the number belongs in the phone slot only; responses use {phone}"


def test_phone_number_is_identical_everywhere():
    """Every phone-like string the project ships (code, data, pages, docs) is the line.

    Tests are left out: some feed other spellings of the number to check parsing.
    """
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split()
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
    wrong = {(name, m) for name, m in seen if m not in {"847.570.2160", "tel:+18475702160"}}
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
    assert "don't have that information" in domain["responses"]["utter_out_of_scope"][0]["text"]
