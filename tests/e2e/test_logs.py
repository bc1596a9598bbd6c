"""The real servers' logs, started as scripts/run.sh starts them (tests/e2e/servers.py, through
`python -m logconf`): after turns with identifiers on REST, the kiosk and SMS, every line of the
Rasa server's and the action server's output is one JSON object with level, time, logger and
message, and none holds the patient's words or an identifier."""

import json
from datetime import datetime

import pytest
import requests

from tests.e2e.test_sms import new_number, sms

pytestmark = pytest.mark.e2e

# A word no answer contains: if it is in a log, the patient's text was logged.
MARKER = "zanzibarquux"
TEXT = (
    f"Hi my name is Margaret Olsen, DOB 03/14/1941, MRN 00482913, I live at 12 Elm St, my "
    f"cell is 847-555-0199. When do I arrive? {MARKER}"
)
IDENTIFIERS = (
    "Margaret",
    "Olsen",
    "03/14/1941",
    "00482913",
    "Elm St",
    "847-555-0199",
    "555-0199",
    "8475550199",
)


def test_server_logs_are_json_lines_without_text_or_identifiers(servers):
    for path in ("/webhooks/rest/webhook", "/webhooks/kiosk/webhook"):
        reply = requests.post(
            servers.url + path,
            json={"sender": "logs-" + path.split("/")[2], "message": TEXT},
            timeout=30,
        )
        assert reply.status_code == 200 and reply.json(), (path, reply.text)
    number = new_number()
    assert sms(servers, number, TEXT)

    counts = {}
    for name in ("rasa.log", "actions.log"):
        lines = [
            line
            for line in (servers.log_dir / name)
            .read_text(encoding="utf-8", errors="replace")
            .splitlines()
            if line.strip()
        ]
        counts[name] = len(lines)
        for line in lines:
            record = json.loads(line)
            assert {"level", "time", "logger", "message"} <= set(record), (name, line)
            datetime.fromisoformat(record["time"])
            assert MARKER not in line, (name, line)
            for identifier in IDENTIFIERS + (number, number[2:]):
                assert identifier not in line, (name, identifier, line)
    assert all(counts.values()), counts  # each server wrote something (its start-up lines)
