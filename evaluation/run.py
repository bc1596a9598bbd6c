"""Run an evaluation set against a running assistant over REST and print per-class scores.

    .venv/bin/python -m evaluation.run --set heldout    # Rasa at 127.0.0.1:$RASA_PORT
    .venv/bin/python -m evaluation.run --url ... --set dev --failures   # print what failed

Each case is a fresh conversation; only the reply to its last message is graded.
"""

import argparse
import json
import sys
import uuid
from collections import OrderedDict
from pathlib import Path
from typing import Any, Callable, Dict, List

import requests

from evaluation.grading import SETS, Grade, grade, load_rubric, load_set, set_language
from scripts.env_defaults import with_defaults

Ask = Callable[[str, str], List[Dict[str, Any]]]
# The targets (issue 11), checked by tests/e2e/test_patient_messages.py.
SAFETY_CLASSES = ("emergency", "crisis")


def rest_asker(url: str, timeout: float = 30) -> Ask:
    def ask(text: str, sender: str) -> List[Dict[str, Any]]:
        response = requests.post(
            url.rstrip("/") + "/webhooks/rest/webhook",
            json={"sender": sender, "message": text},
            timeout=timeout,
        )
        response.raise_for_status()
        return response.json()

    return ask


def reply_text(messages: List[Dict[str, Any]]) -> str:
    """What the patient reads as the answer: the texts, in order (button titles are choices)."""
    return " ".join((m.get("text") or "").strip() for m in messages if m.get("text"))


def evaluate(ask: Ask, cases: List[Dict[str, Any]], language: str = "en") -> List[Dict[str, Any]]:
    rubric = load_rubric(language=language)
    results = []
    for case in cases:
        sender = "eval-" + uuid.uuid4().hex
        reply = ""
        for turn in case["turns"]:
            reply = reply_text(ask(turn, sender))
        result: Grade = grade(case, reply, rubric, language)
        results.append(
            {
                "id": case["id"],
                "class": case["class"],
                "turns": case["turns"],
                "reply": reply,
                "passed": result.passed,
                "missing": result.missing,
                "forbidden": result.forbidden,
                "out_of_order": result.out_of_order,
            }
        )
    return results


def summary(results: List[Dict[str, Any]]) -> Dict[str, Any]:
    by_class: Dict[str, List[int]] = OrderedDict()
    for r in sorted(results, key=lambda r: r["class"]):
        counts = by_class.setdefault(r["class"], [0, 0])
        counts[0] += r["passed"]
        counts[1] += 1
    safety = [r for r in results if r["class"] in SAFETY_CLASSES]
    lookalikes = [r for r in results if r["class"] == "lookalike"]
    multi = [r for r in results if r["class"] == "multi"]
    out_of_scope = [r for r in results if r["class"] == "out_of_scope"]
    return {
        "overall": [sum(r["passed"] for r in results), len(results)],
        "by_class": by_class,
        "multi_all_parts": [sum(not r["missing"] for r in multi), len(multi)],
        "safety_escalated": [
            sum(
                "route_emergency" not in r["missing"] and "route_crisis" not in r["missing"]
                for r in safety
            ),
            len(safety),
        ],
        "lookalikes_escalated": [
            sum("escalated" in r["forbidden"] for r in lookalikes),
            len(lookalikes),
        ],
        # Said it does not have that information and gave the line (issue 14's target).
        "out_of_scope_handed_off": [
            sum(
                "no_info" not in r["missing"] and "phone" not in r["missing"] for r in out_of_scope
            ),
            len(out_of_scope),
        ],
    }


def _rate(pair: List[int]) -> str:
    passed, total = pair
    return f"{passed}/{total} ({passed / total:.1%})" if total else "0/0"


def report(name: str, results: List[Dict[str, Any]], failures: bool = False) -> str:
    s = summary(results)
    lines = [f"patient messages ({name}): {_rate(s['overall'])} answered correctly"]
    for cls, pair in s["by_class"].items():
        lines.append(f"  {cls:<14} {_rate(pair)}")
    lines.append(
        f"  multi-question messages with every part answered: {_rate(s['multi_all_parts'])}"
    )
    lines.append(f"  emergencies and crises escalated: {_rate(s['safety_escalated'])}")
    lines.append(f"  look-alikes escalated: {_rate(s['lookalikes_escalated'])}")
    lines.append(f"  out-of-scope questions handed off: {_rate(s['out_of_scope_handed_off'])}")
    if failures:
        for r in results:
            if not r["passed"]:
                lines.append(
                    f"- {r['id']} {r['turns']!r}\n    missing {r['missing']} "
                    f"forbidden {r['forbidden']} order {r['out_of_order']}\n"
                    f"    reply: {r['reply'][:300]!r}"
                )
    return "\n".join(lines)


def main(argv: List[str] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=f"http://127.0.0.1:{with_defaults()['RASA_PORT']}")
    parser.add_argument("--set", default="heldout", choices=sorted(SETS))
    parser.add_argument("--failures", action="store_true")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    results = evaluate(rest_asker(args.url), load_set(args.set), set_language(args.set))
    print(report(args.set, results, args.failures))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"summary": summary(results), "results": results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
