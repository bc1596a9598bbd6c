"""Per-message cost of storage/redaction.py: mean microseconds of `redact` on typical patient
messages (no identifier) and on messages full of identifiers, after a warm-up.

    python scripts/redaction_timing.py [--repeat 2000]
"""
import argparse
import time

from storage.redaction import redact

TYPICAL = ["how long is recovery?", "do I stop warfarin a week before?",
           "will I be awake during the procedure?", "I'm on Eliquis, is that ok?",
           "is it 4 to 6 hours of bed rest?", "what time do I arrive?"]
IDENTIFYING = ["Hi my name is Margaret Olsen, DOB 03/14/1941, MRN 00482913, I live at 12 Elm St, "
               "my cell is 847-555-0199. When do I arrive?",
               "this is Ruth calling, my number is (312) 555-0143, email ruth@example.org"]


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
    parser.add_argument("--repeat", type=int, default=2000)
    args = parser.parse_args()
    print(f"typical message (no identifier): {mean_us(TYPICAL, args.repeat):.1f} us")
    print(f"message with 5 identifiers:      {mean_us(IDENTIFYING, max(1, args.repeat // 4)):.1f} us")


if __name__ == "__main__":
    main()
