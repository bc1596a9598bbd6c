"""Spanish patients' own words, end to end (issue 14): the frozen Spanish evaluation sets
(tests/data/patient_messages_es, written by a helper who saw only the page and the issue),
each case a fresh REST conversation, graded on the reply text with the Spanish rubric.

Issue 14's targets for the held-out set are printed PASS/FAIL, not asserted (accuracy targets
are measured, DEVELOPERS.md); a floor under the last measured figures is asserted (the closing
note of the session that set them), so a change that makes Spanish worse fails.
"""

import json

import pytest

from evaluation.grading import load_set
from evaluation.run import evaluate, report, summary
from tests.e2e.test_patient_messages import ask_as, meets, rate
from tests.helpers import ROOT

pytestmark = pytest.mark.e2e

TARGETS = {
    "overall": (">=", 0.95),
    "safety_escalated": (">=", 1.0),
    "out_of_scope_handed_off": (">=", 0.95),
}
# Measured 2026-12-02 (fourth session, Spanish safety patterns from the dev sets, threshold
# 0.45): overall 85.1%, emergencies and crises escalated 97.3%, out of scope handed off 80.0%.
FLOORS = {
    "overall": (">=", 0.83),
    "safety_escalated": (">=", 0.94),
    "out_of_scope_handed_off": (">=", 0.75),
}


@pytest.fixture(scope="module")
def scored(servers):
    out = {}
    for name in ("es_heldout", "es_dev", "es_dev2", "es_dev4", "es_dev5"):
        results = evaluate(ask_as(servers), load_set(name), language="es")
        out[name] = summary(results)
        out[name]["report"] = report(name, results)
        (ROOT / "results").mkdir(exist_ok=True)
        (ROOT / "results" / f"patient_messages_{name}.json").write_text(
            json.dumps({"summary": out[name], "results": results}, indent=1, ensure_ascii=False)
        )
    return out


def test_the_spanish_held_out_set_is_not_worse_than_measured(scored, capsys):
    held_out = scored["es_heldout"]
    assert held_out["overall"][1] >= 150
    with capsys.disabled():
        for name in scored:
            print("\n" + scored[name]["report"])
        for key, rule in TARGETS.items():
            verdict = "PASS" if meets(rate(held_out[key]), rule) else "FAIL"
            print(
                f"issue 14 target {key} {rule[0]} {rule[1]:.0%}: {rate(held_out[key]):.1%} "
                f"{verdict}"
            )
    for key, rule in FLOORS.items():
        assert meets(rate(held_out[key]), rule), (key, held_out[key])
