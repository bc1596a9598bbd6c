"""The evaluation sets: big enough, well formed, and never in the training data."""

import pytest
from rapidfuzz import fuzz, process, utils

from evaluation.grading import ROUTES, SETS, load_rubric, load_set, set_language
from tests.test_nlu_data import TRAIN

CLASSES = {
    "section",
    "multi",
    "long_story",
    "shorthand",
    "emergency",
    "crisis",
    "warning",
    "followup",
    "single",
    "out_of_scope",
    "lookalike",
}
RUBRICS = {language: load_rubric(language=language) for language in ("en", "es")}
NEAR_DUPLICATE = 90  # rapidfuzz ratio, on lower-cased text without punctuation


@pytest.mark.parametrize("name", SETS)
def test_cases_are_well_formed(name):
    cases = load_set(name)
    assert len({c["id"] for c in cases}) == len(cases)
    for case in cases:
        assert case["class"] in CLASSES, case["id"]
        assert case["turns"] and all(isinstance(t, str) and t.strip() for t in case["turns"])
        assert set(case.get("expect") or []) | set(case.get("must_not") or []) <= set(
            RUBRICS[set_language(name)]
        )
        if case.get("author") == "faq":
            assert case["source"].startswith("http"), case["id"]


def test_the_held_out_set_is_large_and_covers_every_class():
    cases = load_set("heldout")
    assert len(cases) >= 300
    assert {c["class"] for c in cases} == CLASSES
    assert sum(c["class"] == "lookalike" for c in cases) >= 40
    sources = {c["source"].split("|")[1].strip() for c in cases if c.get("author") == "faq"}
    assert len(sources) >= 8


def test_safety_cases_expect_a_route():
    for case in load_set("heldout") + load_set("dev"):
        if case["class"] in ("emergency", "crisis", "warning"):
            assert ROUTES & set(case["expect"]), case["id"]


@pytest.mark.parametrize("name", SETS)
def test_no_evaluation_message_is_a_training_example(name):
    training = [utils.default_process(text) for _, text in TRAIN]
    leaked = []
    for case in load_set(name):
        for turn in case["turns"]:
            match = process.extractOne(
                utils.default_process(turn),
                training,
                scorer=fuzz.ratio,
                score_cutoff=NEAR_DUPLICATE,
            )
            if match:
                leaked.append((case["id"], turn, match[0]))
    assert not leaked


def test_the_near_duplicate_check_can_fail():
    training = [utils.default_process("how long is recovery")]
    assert process.extractOne(
        utils.default_process("How long is recovery?"),
        training,
        scorer=fuzz.ratio,
        score_cutoff=NEAR_DUPLICATE,
    )
