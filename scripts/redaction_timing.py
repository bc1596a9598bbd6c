"""Per-message cost of storage/redaction.py: mean microseconds of `redact` on the synthetic
corpus (tests/data/redaction/corpus.yml), messages without identifiers (the typical patient
question) and with them, after a warm-up. Everything is compiled at import, so this is the cost
a turn pays.

    python scripts/redaction_timing.py [--repeat 200]
"""

import argparse
import time
from pathlib import Path

import yaml

from storage.redaction import redact

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "redaction" / "corpus.yml"


def mean_us(texts, repeat):
    for text in texts:
        redact(text)
    started = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            redact(text)
    return (time.perf_counter() - started) / (repeat * len(texts)) * 1e6


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    corpus = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    plain = [case["text"] for case in corpus["without_identifiers"]]
    identifying = [case["text"] for case in corpus["with_identifiers"]]
    print(f"without identifiers ({len(plain)} messages): {mean_us(plain, args.repeat):.1f} us")
    print(
        f"with identifiers ({len(identifying)} messages): "
        f"{mean_us(identifying, args.repeat):.1f} us"
    )


if __name__ == "__main__":
    main()
