"""Fault tests of the scale-out topology (scripts/scale/, docs/production.md).

Run only by `make scale-test` (pytest.ini ignores tests/scale in the default run; an explicit
`pytest tests/scale` still collects it). They need the running topology (`scripts/scale/up.sh` with
RATE_LIMIT_PER_MINUTE=0): without it every test fails, none is skipped. The counts of the run
go to results/scale.txt.
"""

import os
import subprocess
from pathlib import Path

import pytest
import requests

from tests.helpers import ROOT


def scale_env() -> dict:
    """The environment scripts/scale/env.sh gives the topology (ports, secrets, paths)."""
    out = subprocess.run(
        ["bash", "-c", "source scripts/scale/env.sh >/dev/null; env -0"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout
    return dict(item.split("=", 1) for item in out.decode().split("\0") if "=" in item)


class Topology:
    def __init__(self, env: dict):
        self.env = env
        self.dir = Path(env["SCALE_DIR"])
        self.url = f"http://127.0.0.1:{env['SCALE_NGINX_PORT']}"
        self.rasa_ports = env["SCALE_RASA_PORTS"].split()
        self.counts = {
            "conversations": 0,
            "turns": 0,
            "events_checked": 0,
            "faults_injected": 0,
            "events_lost": 0,
            "retries_after_502": 0,
            "duplicated_turns_after_retry": 0,
            "failed_cleanly": 0,
            "events_lost_postgres_outage": 0,
        }
        self.lines = []

    def pid(self, name: str) -> int:
        return int((self.dir / f"{name}.pid").read_text().split()[0])

    def alive(self, name: str) -> bool:
        try:
            os.kill(self.pid(name), 0)
            return True
        except (OSError, ValueError):
            return False

    def up(self) -> None:
        """scripts/scale/up.sh: starts whatever is not running (a killed replica, Redis)."""
        subprocess.run(
            ["bash", "scripts/scale/up.sh"],
            cwd=ROOT,
            check=True,
            capture_output=True,
            env=dict(os.environ, RATE_LIMIT_PER_MINUTE="0"),
        )

    def add(self, **counts) -> None:
        for key, value in counts.items():
            self.counts[key] += value

    def note(self, line: str) -> None:
        print(line)
        self.lines.append(line)


@pytest.fixture(scope="session")
def topology():
    env = scale_env()
    topo = Topology(env)
    try:
        requests.get(topo.url + "/", timeout=5).raise_for_status()
    except requests.RequestException as error:
        pytest.fail(
            f"the scale topology is not running at {topo.url} ({error}): "
            "run `make scale-up` or `make scale-test`"
        )
    limit = (topo.dir / "rate_limit").read_text() if (topo.dir / "rate_limit").exists() else ""
    assert limit.strip().endswith(": 0"), (
        "the replicas must run with RATE_LIMIT_PER_MINUTE=0 (the app limits per sender): "
        "scripts/scale/down.sh; RATE_LIMIT_PER_MINUTE=0 scripts/scale/up.sh"
    )
    for port in topo.rasa_ports:
        assert topo.alive(f"rasa-{port}"), f"replica {port} is not running"
    yield topo
    c = topo.counts
    summary = [
        f"conversations: {c['conversations']}",
        f"turns sent: {c['turns']}",
        f"events checked: {c['events_checked']}",
        f"faults injected: {c['faults_injected']}",
        f"requests retried once after a 502/connection error: {c['retries_after_502']}",
        f"turns stored twice after such a retry: {c['duplicated_turns_after_retry']}",
        f"requests that failed cleanly during a fault: {c['failed_cleanly']}",
        f"events lost: {c['events_lost']}",
        f"events answered but not stored while PostgreSQL was down: "
        f"{c['events_lost_postgres_outage']}",
    ]
    results = ROOT / "results"
    results.mkdir(exist_ok=True)
    (results / "scale.txt").write_text("\n".join(topo.lines + [""] + summary) + "\n")
    print("\n" + "\n".join(summary))
