"""The frozen patient-message sets (evaluation/, tests/data/patient_messages*/) scored against
the running servers, for tests/e2e/test_patient_messages.py (English, issue 11) and
test_patient_messages_es.py (Spanish, issue 14).

Every set of the language (evaluation.grading.SETS), each case a fresh conversation; each set's
summary and results go to results/patient_messages_<set>.json. The issue's targets for the
held-out set are printed PASS/FAIL, not asserted (accuracy targets are measured,
DEVELOPERS.md); a floor under the last measured figures is asserted, so a change that makes
the assistant worse on patients' own words fails."""

import json
from typing import Any, Dict, Tuple

from evaluation.grading import SETS, load_set, set_language
from evaluation.run import evaluate, report, summary
from tests.helpers import ROOT

Rule = Tuple[str, float]  # (">=" or "<=", bound)


def meets(value: float, rule: Rule) -> bool:
    op, bound = rule
    return value >= bound if op == ">=" else value <= bound


def rate(pair) -> float:
    passed, total = pair
    return passed / total


def ask_as(servers):
    return lambda text, sender: servers.ask(text, sender)


def score_sets(servers, language: str) -> Dict[str, Dict[str, Any]]:
    """name -> summary (with its printed `report`) of every set in `language`."""
    out = {}
    for name in (n for n in SETS if set_language(n) == language):
        results = evaluate(ask_as(servers), load_set(name), language=language)
        out[name] = summary(results)
        out[name]["report"] = report(name, results)
        (ROOT / "results").mkdir(exist_ok=True)
        (ROOT / "results" / f"patient_messages_{name}.json").write_text(
            json.dumps({"summary": out[name], "results": results}, indent=1, ensure_ascii=False)
        )
    return out


def print_and_check(scored, held_out: str, targets, floors, issue: int, capsys) -> None:
    """Print every set's report and the held-out set's targets; assert its floors."""
    measured = scored[held_out]
    with capsys.disabled():
        for name in scored:
            print("\n" + scored[name]["report"])
        for key, rule in targets.items():
            verdict = "PASS" if meets(rate(measured[key]), rule) else "FAIL"
            print(
                f"issue {issue} target {key} {rule[0]} {rule[1]:.0%}: "
                f"{rate(measured[key]):.1%} {verdict}"
            )
    for key, rule in floors.items():
        assert meets(rate(measured[key]), rule), (key, measured[key])
