"""`make report` on a tracker store filled by a real conversation.

The servers' tracker store is shared with every other e2e test of the session, so the report
is read before and after this test's own conversation and only the difference is checked: the
counts are this conversation's, whatever else ran before it.
"""

import re
import subprocess
import sys
import uuid
from collections import Counter
from typing import Dict, Tuple

import pytest

from tests.e2e.servers import ROOT

pytestmark = pytest.mark.e2e

LINE = re.compile(r"^\s*(\d+)  \d{4}-\d\d-\d\d \d\d:\d\d  \[([^\]]*)\]  (.*)$")
TOTAL = re.compile(r"^Unanswered questions, last \S+ days: (\d+) messages")


def report(servers) -> Tuple[str, int, Counter, Dict[str, str]]:
    """The report's text, its total, its count per text and the reasons given for each."""
    out = subprocess.run(
        [
            sys.executable,
            "scripts/report_unanswered.py",
            "--db",
            "sqlite:///" + servers.env["TRACKER_DB"],
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = out.splitlines()
    total = TOTAL.match(lines[0])
    assert total, lines[0]
    counts, reasons = Counter(), {}
    for line in lines[1:]:
        match = LINE.match(line)
        assert match, line
        counts[match.group(3)] += int(match.group(1))
        reasons[match.group(3)] = match.group(2)
    return out, int(total.group(1)), counts, reasons


def test_report_lists_unanswered_questions_without_identifiers(servers):
    _, total_before, before, _ = report(servers)
    sender = "patient-" + uuid.uuid4().hex
    for text in [
        "how much does it cost",
        "how much does it cost",
        "qwzx blorp vvv",
        "how long is recovery",
        "qwzx 847 555 0199 blorp",
    ]:
        servers.ask(text, sender)
    out, total_after, after, reasons = report(servers)

    added = after - before  # Counter difference: only what this conversation added
    assert added == {"how much does it cost": 2, "qwzx blorp vvv": 1, "qwzx [phone] blorp": 1}, (
        added
    )  # the number redacted as stored
    assert "out_of_scope" in reasons["how much does it cost"]
    assert "nlu_fallback" in reasons["qwzx blorp vvv"]
    assert total_after - total_before == 4  # "how long is recovery" was answered
    assert "847 555 0199" not in out and "0199" not in out
    assert sender not in out
