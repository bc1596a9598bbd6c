"""`make report` on a tracker store filled by a real conversation."""
import subprocess
import sys
import uuid

import pytest

from tests.e2e.servers import ROOT

pytestmark = pytest.mark.e2e


def test_report_lists_unanswered_questions_without_identifiers(servers):
    sender = "patient-" + uuid.uuid4().hex
    for text in ["how much does it cost", "how much does it cost", "qwzx blorp vvv",
                 "how long is recovery", "qwzx 847 555 0199 blorp"]:
        servers.ask(text, sender)
    result = subprocess.run(
        [sys.executable, "scripts/report_unanswered.py", "--db",
         "sqlite:///" + servers.env["TRACKER_DB"]],
        cwd=ROOT, capture_output=True, text=True, check=True)
    out = result.stdout
    lines = out.splitlines()
    assert lines[0].startswith("Unanswered questions")
    cost = next(line for line in lines if line.endswith("how much does it cost"))
    assert cost.split()[0] == "2" or int(cost.split()[0]) >= 2
    assert any(line.endswith("qwzx blorp vvv") for line in lines)
    assert "how long is recovery" not in out
    assert "[number]" in out and "847 555 0199" not in out
    assert sender not in out
