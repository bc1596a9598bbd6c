"""The servers a bench run measures (scripts/servers.py, timed from spawn until the REST
webhook answers) and the timed REST client."""

import threading
import time
from typing import Any, Dict, List, Optional, Tuple

import requests

from scripts.servers import Servers

# The per-conversation rate limit (channels/rate_limit.py; .env.defaults in production) would
# refuse a scripted 100-turn conversation. It stays on (its check runs on every message, as in
# production) but with limits no benchmark reaches.
BENCH_ENV = {"RATE_LIMIT_PER_MINUTE": "1000000", "RATE_LIMIT_BURST": "1000000"}
READY_TIMEOUT_S = 240


class BenchServers(Servers):
    """Servers that also time the Rasa server from spawn until the REST webhook answers."""

    def __init__(self, *args, extra_env=None, **kwargs):
        super().__init__(*args, extra_env=dict(BENCH_ENV, **(extra_env or {})), **kwargs)
        self.spawned_at: Dict[str, float] = {}
        self.by_name: Dict[str, Any] = {}
        self.ready_s: Optional[float] = None
        self.actions_ready_s: Optional[float] = None
        self._probe: Optional[threading.Thread] = None

    def _spawn(self, name, args):
        self.spawned_at[name] = time.monotonic()
        process = super()._spawn(name, args)
        self.by_name[name] = process
        if name == "rasa":
            self._probe = threading.Thread(target=self._probe_webhook, args=(process,), daemon=True)
            self._probe.start()
        return process

    def _probe_webhook(self, process) -> None:
        """Poll the webhook every 50 ms with a real message until a reply comes back."""
        deadline = time.monotonic() + READY_TIMEOUT_S
        while time.monotonic() < deadline and process.poll() is None:
            try:
                reply = requests.post(
                    self.url + "/webhooks/rest/webhook",
                    json={"sender": "bench-ready-probe", "message": "hello"},
                    timeout=10,
                )
                if reply.status_code == 200 and reply.json():
                    self.ready_s = time.monotonic() - self.spawned_at["rasa"]
                    return
            except (requests.RequestException, ValueError):
                pass
            time.sleep(0.05)

    def start(self) -> "BenchServers":
        if self.with_actions:
            self.start_actions()
            self.actions_ready_s = time.monotonic() - self.spawned_at["actions"]
        self.start_rasa()
        if self._probe is not None:
            self._probe.join(timeout=READY_TIMEOUT_S)
        if self.ready_s is None:
            raise RuntimeError("the REST webhook never answered; see " + str(self.log_dir))
        return self

    def pid(self, name: str) -> int:
        """pid of the process spawned as `name` ("rasa" or "actions")."""
        return self.by_name[name].pid


class Client:
    """One patient: REST turns over a keep-alive connection, timed."""

    def __init__(self, url: str, timeout: float = 30):
        self.url = url + "/webhooks/rest/webhook"
        self.session = requests.Session()
        self.timeout = timeout

    def turn(self, sender: str, text: str) -> Tuple[Optional[float], List[dict]]:
        started = time.perf_counter()
        try:
            reply = self.session.post(
                self.url, json={"sender": sender, "message": text}, timeout=self.timeout
            )
            elapsed = time.perf_counter() - started
            reply.raise_for_status()
            messages = reply.json()
        except (requests.RequestException, ValueError):
            return None, []
        return (elapsed if messages else None), messages


REDACTION_METRIC = "vertebro_redaction_seconds"  # channels/metrics.py REDACTION_SECONDS


def redaction_totals(url: str) -> Optional[Tuple[float, float]]:
    """(seconds, saves) the Rasa server at `url` has spent redacting so far, from its metrics
    (GET /webhooks/ops/metrics); None without that metric (Rasa's own tracker store)."""
    from prometheus_client.parser import text_string_to_metric_families

    try:
        reply = requests.get(url + "/webhooks/ops/metrics", timeout=10)
        reply.raise_for_status()
    except requests.RequestException:
        return None
    values = {
        sample.name: sample.value
        for family in text_string_to_metric_families(reply.text)
        for sample in family.samples
        if sample.name in (REDACTION_METRIC + "_sum", REDACTION_METRIC + "_count")
    }
    count = values.get(REDACTION_METRIC + "_count")
    return (values.get(REDACTION_METRIC + "_sum", 0.0), count) if count else None


def redaction_ms_per_save(before, after) -> Optional[float]:
    """Mean milliseconds of redaction per save between two `redaction_totals`."""
    if not after:
        return None
    seconds, saves = after[0] - (before or (0.0, 0))[0], after[1] - (before or (0.0, 0))[1]
    return seconds / saves * 1000 if saves > 0 else None


def reply_text(messages: List[dict]) -> str:
    return " ".join(m.get("text") or "" for m in messages).replace("\u2019", "'")
