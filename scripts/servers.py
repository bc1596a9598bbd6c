"""Start the real action server and Rasa server (and the web pages) on free loopback ports:
the end-to-end and browser tests (tests/conftest.py) and the benchmark (bench/) use this.

Their environment is the project's defaults (.env.defaults, as scripts/env.sh gives `make run`;
values already in the environment win), then this run's ports, URLs, tracker store and
throwaway secrets, then `extra_env`.
"""

import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Dict, List, Optional

import requests

from scripts.env_defaults import PROJECT_DIR, with_defaults

ROOT = PROJECT_DIR
MODEL = ROOT / "models" / "vertebro.tar.gz"
# Rasa and the action server start as scripts/run.sh starts them: with the JSON logging
# (logconf/).
LAUNCHER = [sys.executable, "-m", "logconf"]
# Secrets for these servers only (the real ones live in the git-ignored .env).
TEST_TWILIO_AUTH_TOKEN = "test-auth-token-" + uuid.uuid4().hex
TEST_SMS_SENDER_SECRET = "test-sender-secret-" + uuid.uuid4().hex


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before {url} answered")
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout}s")


class Servers:
    """An action server and a Rasa server on free loopback ports; logs go to `log_dir`."""

    def __init__(
        self,
        log_dir: Path,
        extra_env: Optional[Dict[str, str]] = None,
        model: Path = MODEL,
        endpoints: str = "endpoints.yml",
        credentials: str = "credentials.yml",
        with_actions: bool = True,
        patched: bool = True,
    ):
        self.log_dir = Path(log_dir)
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.rasa_port = free_port()
        self.action_port = free_port()
        self.web_port = free_port()
        self.env = with_defaults(os.environ)
        self.env.update(
            {
                # The project first; a PYTHONPATH already set (extra packages) stays after it.
                "PYTHONPATH": os.pathsep.join(
                    [str(ROOT)]
                    + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
                ),
                "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{self.action_port}/webhook",
                "RASA_PORT": str(self.rasa_port),
                "ACTION_PORT": str(self.action_port),
                "WEB_PORT": str(self.web_port),
                "TWILIO_AUTH_TOKEN": TEST_TWILIO_AUTH_TOKEN,
                "SMS_SENDER_SECRET": TEST_SMS_SENDER_SECRET,
                "SMS_WEBHOOK_URL": f"http://127.0.0.1:{self.rasa_port}/webhooks/sms/webhook",
                "CORS_ORIGINS": f"http://127.0.0.1:{self.web_port}",
                "TRACKER_DB": str(self.log_dir / "tracker.db"),
            }
        )
        self.env.update(extra_env or {})
        self.model, self.endpoints, self.credentials = model, endpoints, credentials
        self.with_actions = with_actions
        self.patched = patched
        self.processes: List[subprocess.Popen] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    def _spawn(self, name: str, args: List[str]) -> subprocess.Popen:
        log = open(self.log_dir / f"{name}.log", "wb")
        process = subprocess.Popen(
            args, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
        )
        self.processes.append(process)
        return process

    def start_actions(self) -> subprocess.Popen:
        process = self._spawn(
            "actions",
            [
                *LAUNCHER,
                "rasa",
                "run",
                "actions",
                "--actions",
                "actions",
                "--port",
                str(self.action_port),
            ],
        )
        wait_for(f"http://127.0.0.1:{self.action_port}/health", process)
        return process

    def start_rasa(self) -> subprocess.Popen:
        """`python -m vertebro run`: Rasa with the project's patches (vertebro/rasa_patches.py)
        and JSON logs (logconf); with `patched=False`, Rasa as shipped with the same logs
        (`python -m logconf rasa run`, for the bench)."""
        command = [sys.executable, "-m", "vertebro"] if self.patched else [*LAUNCHER, "rasa"]
        process = self._spawn(
            "rasa",
            command
            + [
                "run",
                "--model",
                str(self.model),
                "--endpoints",
                self.endpoints,
                "--credentials",
                self.credentials,
                "--port",
                str(self.rasa_port),
                "--interface",
                "127.0.0.1",
                "--cors",
                self.env["CORS_ORIGINS"],
            ],
        )
        wait_for(self.url + "/", process)
        return process

    @property
    def web_url(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"

    def start_web(self) -> subprocess.Popen:
        """scripts/serve_web.py (demo page + kiosk) on web_port, pointing browsers at Rasa."""
        env = dict(self.env, RASA_URL=self.url, WEB_HOST="127.0.0.1")
        log = open(self.log_dir / "web.log", "wb")
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "scripts" / "serve_web.py")],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.processes.append(process)
        wait_for(self.web_url + "/config.js", process, timeout=30)
        return process

    def start(self) -> "Servers":
        try:
            if self.with_actions:
                self.start_actions()
            self.start_rasa()
        except BaseException:
            self.stop()  # leave no orphan server behind
            raise
        return self

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        self.processes.clear()

    def ask(self, text: str, sender: Optional[str] = None, timeout: float = 30) -> List[dict]:
        """One REST turn: the bot's messages."""
        response = requests.post(
            self.url + "/webhooks/rest/webhook",
            json={"sender": sender or uuid.uuid4().hex, "message": text},
            timeout=timeout,
        )
        response.raise_for_status()
        return response.json()


def texts(messages: List[dict]) -> str:
    """The text of a turn's messages, joined by spaces."""
    return " ".join(m.get("text") or "" for m in messages)
