"""scripts/run.sh (`make run`): servers on loopback unless LISTEN_ADDRESS says otherwise, their
logs one JSON object a line, and a closed terminal (SIGHUP to the script) stops every server it
started."""

import json
import os
import re
import signal
import subprocess
import time

import pytest
import requests

from tests.e2e.servers import ROOT, TEST_SMS_SENDER_SECRET, TEST_TWILIO_AUTH_TOKEN, free_port

pytestmark = pytest.mark.e2e


def listening(port: int) -> list:
    """Local addresses listening on TCP `port` (from `ss`)."""
    out = subprocess.run(["ss", "-Hltn", f"sport = :{port}"], capture_output=True, text=True).stdout
    return [line.split()[3].rsplit(":", 1)[0] for line in out.splitlines() if line.strip()]


def test_run_sh_binds_loopback_and_stops_everything_on_sighup(tmp_path):
    ports = {"RASA_PORT": free_port(), "ACTION_PORT": free_port(), "WEB_PORT": free_port()}
    env = dict(
        os.environ,
        **{k: str(v) for k, v in ports.items()},
        TRACKER_DB=str(tmp_path / "tracker.db"),
        LISTEN_ADDRESS="",
        TWILIO_AUTH_TOKEN=TEST_TWILIO_AUTH_TOKEN,
        SMS_SENDER_SECRET=TEST_SMS_SENDER_SECRET,
    )
    env.pop("LISTEN_ADDRESS")  # the default
    env.pop("SMS_WEBHOOK_URL", None)
    env.pop("ACTION_ENDPOINT_URL", None)
    env.pop("CORS_ORIGINS", None)
    log = open(tmp_path / "run.log", "wb")
    run = subprocess.Popen(
        ["bash", "scripts/run.sh"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        # A terminal's shell does not ignore SIGHUP; a test run under `nohup` does, and bash
        # cannot trap a signal ignored on entry: give run.sh the terminal's default.
        preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_DFL),
    )
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                if requests.get(f"http://127.0.0.1:{ports['RASA_PORT']}/", timeout=2).ok:
                    break
            except requests.RequestException:
                time.sleep(1)
        else:
            pytest.fail((tmp_path / "run.log").read_text()[-2000:])
        for name in ("RASA_PORT", "ACTION_PORT"):
            assert listening(ports[name]) == ["127.0.0.1"], (name, listening(ports[name]))
        run.send_signal(signal.SIGHUP)  # what a closed terminal sends
        run.wait(timeout=30)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and any(listening(p) for p in ports.values()):
            time.sleep(0.5)
        assert not any(listening(p) for p in ports.values()), {
            k: listening(p) for k, p in ports.items()
        }
        # Rasa's and the action server's output: JSON lines (logging.yml); the rest is run.sh's own
        # banner and the web page server's access lines.
        output = (tmp_path / "run.log").read_text(encoding="utf-8", errors="replace")
        records = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
        messages = {(r["logger"], r["message"]) for r in records}
        assert ("rasa_sdk.endpoint", "Starting action endpoint server...") in messages, output
        assert ("root", "Rasa server is up and running.") in messages, output
        # No line in Rasa's coloredlogs format ("2024-05-01 12:00:00 INFO  rasa...  - ...").
        assert not re.search(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \w+ ", output, re.M), output
    finally:
        try:
            os.killpg(run.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
