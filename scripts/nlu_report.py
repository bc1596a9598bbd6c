"""Print the held-out NLU accuracy from `rasa test nlu` output; exit 1 below the target."""

import json
import sys
from pathlib import Path

TARGET = 0.95


def main(out_dir: str) -> int:
    report = json.loads((Path(out_dir) / "intent_report.json").read_text())
    errors = json.loads((Path(out_dir) / "intent_errors.json").read_text())
    total = int(report["weighted avg"]["support"])
    print(
        f"NLU intent accuracy on the held-out set: {report['accuracy']:.1%} "
        f"({total - len(errors)}/{total}), target {TARGET:.0%}; report in {out_dir}/"
    )
    for error in errors:
        print(
            f"  miss: {error['text']!r}: {error['intent']} -> "
            f"{error['intent_prediction']['name']} ({error['intent_prediction']['confidence']:.2f})"
        )
    return 0 if report["accuracy"] >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "results/nlu"))
