#!/usr/bin/env python
"""Benchmark the production assistant against Rasa's default configuration.

    make bench                              # full run: writes bench/results.md, prints a summary
    .venv/bin/python bench/run_bench.py --smoke   # a handful of requests, production model only

Full run: train (only when the inputs changed) the production config (config.yml) and the
baseline (bench/baseline_config.yml, Rasa 3.6's default) into build/bench/models/, then serve
each model with its own fresh action server + Rasa server (tests/e2e/servers.py), one after the
other, and measure: one-client REST latency, 16-client throughput, growth over a 100-turn
conversation, start-up time, peak memory, held-out NLU accuracy and the out-of-scope rate.
See bench/README.md for how to read the output.
"""
import argparse
import datetime
import hashlib
import json
import os
import platform
import random
import re
import signal
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import requests
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.servers import MODEL as PRODUCTION_MODEL  # noqa: E402
from tests.e2e.servers import Servers  # noqa: E402

BENCH = ROOT / "bench"
BUILD = ROOT / "build" / "bench"
MODELS = BUILD / "models"
SHIPPED_ENDPOINTS = BENCH / "endpoints_rasa_sql.yml"
RASA = Path(sys.executable).parent / "rasa"

SEED = 20251125
MEASURE_BUDGET_S = 600          # the measuring part must end by itself within 10 minutes
HARD_STOP_S = MEASURE_BUDGET_S - 10
PHONE = "847.570.2160"
OOS_TEXT = "don't have that information"

TARGETS = {
    "p50_ms": 12, "p95_ms": 25,
    "conc_rps": 80, "conc_p95_ms": 250,
    "growth": 1.2, "speedup": 2.5,
    "ready_s": 20, "rss_mb": 900, "train_s": 180,
}

RUN_ENV = {
    "PYTHONPATH": str(ROOT),
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "RASA_TELEMETRY_ENABLED": "false",
    "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    "PYTHONWARNINGS": "ignore",
}


# --------------------------------------------------------------------------- helpers

def now_iso() -> str:
    return datetime.datetime.now().astimezone().isoformat(timespec="seconds")


def pct(values: Sequence[float], p: float) -> float:
    """Percentile with linear interpolation (numpy's default); values in any order."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100.0
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def ms(seconds: float) -> float:
    return seconds * 1000.0


def loadavg() -> Tuple[float, float, float]:
    one, five, fifteen = open("/proc/loadavg").read().split()[:3]
    return float(one), float(five), float(fifteen)


def machine() -> Dict[str, Any]:
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        nproc = int(subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip())
    except (OSError, ValueError):
        nproc = None
    mem_kb = 0
    for line in open("/proc/meminfo"):
        if line.startswith("MemTotal:"):
            mem_kb = int(line.split()[1])
    try:
        from importlib.metadata import version
        rasa_version = version("rasa")
    except Exception:  # pragma: no cover - the venv always has rasa
        rasa_version = "?"
    return {"cores": os.cpu_count(), "nproc": nproc, "cpu": cpu,
            "mem_gb": round(mem_kb / 1024 / 1024, 1), "python": platform.python_version(),
            "rasa": rasa_version, "host": platform.node()}


def foreign_processes(own: Sequence[int]) -> List[str]:
    """Other Rasa / pytest / training processes on the machine (noise for the measurements)."""
    found = []
    me = os.getpid()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        pid = int(entry.name)
        if pid == me or pid in own:
            continue
        try:
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if re.search(r"\brasa\b.*\b(run|train|test|shell|data)\b|pytest|chromium", cmd) \
                and "--type=" not in cmd and "crashpad" not in cmd:
            found.append(f"{pid}: {cmd.strip()[:110]}")
    return found


def children_of(pid: int) -> List[int]:
    """All descendants of pid (from /proc/*/stat)."""
    parent: Dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        kids = [p for p, pp in parent.items() if pp == current]
        out.extend(kids)
        todo.extend(kids)
    return out


def proc_status(pid: int) -> Dict[str, int]:
    values = {}
    try:
        for line in open(f"/proc/{pid}/status"):
            key, _, rest = line.partition(":")
            if key in ("VmHWM", "VmRSS", "RssAnon", "RssFile"):
                values[key] = int(rest.split()[0])  # kB
    except OSError:
        pass
    return values


def cpu_seconds(pid: int) -> float:
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def python_process(pid: int) -> Tuple[int, str]:
    """The Rasa server's Python process: `rasa` is a console script whose shebang execs the
    venv's python in the same pid; should it fork or exec, take the descendant with the
    largest peak RSS."""
    best, best_hwm = pid, proc_status(pid).get("VmHWM", 0)
    for child in children_of(pid):
        hwm = proc_status(child).get("VmHWM", 0)
        if hwm > best_hwm:
            best, best_hwm = child, hwm
    try:
        exe = os.readlink(f"/proc/{best}/exe")
    except OSError:
        exe = "?"
    return best, exe


# --------------------------------------------------------------------------- training

def training_key(config: Path) -> str:
    files = [config, ROOT / "domain.yml"]
    files += sorted(p for p in (ROOT / "data").rglob("*.yml") if p.is_file())
    files += sorted(p for p in (ROOT / "data" / "spacy").glob("*") if p.is_file())
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def ensure_model(name: str, config: Path, log, out: Path = MODELS) -> Dict[str, Any]:
    """build/bench/models/<name>.tar.gz, trained only when the key changed; its train JSON."""
    out.mkdir(parents=True, exist_ok=True)
    model, meta_path = out / f"{name}.tar.gz", out / f"{name}.train.json"
    key = training_key(config)
    if model.exists() and meta_path.exists():
        meta = json.loads(meta_path.read_text())
        if meta.get("key") == key:
            meta.update(model=str(model), model_bytes=model.stat().st_size, reused=True)
            log(f"[{name}] model up to date (trained {meta['measured_at']}, "
                f"{meta['train_seconds']:.0f} s)")
            return meta
    meta_path.unlink(missing_ok=True)
    log(f"[{name}] training from {config.relative_to(ROOT)} (inputs changed or no model) ...")
    # --force: Rasa's cache fingerprints the spaCy pipeline by name only. The training cache
    # is off (RASA_MAX_CACHE_SIZE=0) so the time is a full training and .rasa/ is not touched.
    env = dict(os.environ, **RUN_ENV, RASA_MAX_CACHE_SIZE="0")
    cmd = [str(RASA), "train", "--config", str(config.relative_to(ROOT)), "--domain", "domain.yml",
           "--data", "data", "--fixed-model-name", name, "--out", str(out.relative_to(ROOT)),
           "--force"]
    load_before = loadavg()
    started = time.monotonic()
    with open(out / f"{name}.train.log", "wb") as handle:
        result = subprocess.run(cmd, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT)
    seconds = time.monotonic() - started
    if result.returncode != 0 or not model.exists():
        raise RuntimeError(f"training {name} failed; see {out / (name + '.train.log')}")
    meta = {"name": name, "key": key, "config": str(config.relative_to(ROOT)),
            "train_seconds": round(seconds, 1), "measured_at": now_iso(),
            "command": " ".join(cmd), "load_before": load_before, "load_after": loadavg(),
            "machine": {k: v for k, v in machine().items() if k in ("cores", "cpu", "rasa")}}
    meta_path.write_text(json.dumps(meta, indent=2) + "\n")
    meta.update(model=str(model), model_bytes=model.stat().st_size, reused=False)
    log(f"[{name}] trained in {seconds:.0f} s")
    return meta


# --------------------------------------------------------------------------- servers

# The per-conversation rate limit (channels/rate_limit.py, 30/min, burst 10 in production)
# would refuse a scripted 100-turn conversation. It stays on (its check runs on every message,
# as in production) but with limits no benchmark reaches.
BENCH_ENV = {"RATE_LIMIT_PER_MINUTE": "1000000", "RATE_LIMIT_BURST": "1000000"}


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
            self._probe = threading.Thread(target=self._probe_webhook, args=(process,),
                                           daemon=True)
            self._probe.start()
        return process

    def _probe_webhook(self, process) -> None:
        """Poll the webhook every 50 ms with a real message until a reply comes back."""
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and process.poll() is None:
            try:
                reply = requests.post(self.url + "/webhooks/rest/webhook",
                                      json={"sender": "bench-ready-probe", "message": "hello"},
                                      timeout=10)
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
            self._probe.join(timeout=240)
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
            reply = self.session.post(self.url, json={"sender": sender, "message": text},
                                      timeout=self.timeout)
            elapsed = time.perf_counter() - started
            reply.raise_for_status()
            messages = reply.json()
        except (requests.RequestException, ValueError):
            return None, []
        return (elapsed if messages else None), messages


def reply_text(messages: List[dict]) -> str:
    return " ".join(m.get("text") or "" for m in messages).replace("\u2019", "'")


# --------------------------------------------------------------------------- workload

def load_questions() -> List[Dict[str, str]]:
    return yaml.safe_load((BENCH / "questions.yml").read_text())["questions"]


def conversations(rng: random.Random, questions, count: int, turns: int) -> List[List[dict]]:
    return [rng.sample(questions, turns) for _ in range(count)]


def long_conversation(rng: random.Random, questions, turns: int = 100) -> List[dict]:
    """Turns 91-100 repeat turns 1-10 exactly, so the two medians compare the same questions."""
    first = rng.sample(questions, 10)
    middle = [rng.choice(questions) for _ in range(turns - 20)]
    return first + middle + first


class Budget:
    def __init__(self, seconds: float):
        self.started = time.monotonic()
        self.seconds = seconds

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def left(self) -> float:
        return self.seconds - self.elapsed()


def run_one_client(client: Client, convs, prefix: str) -> Dict[str, Any]:
    latencies, records, errors = [], [], 0
    for c, conv in enumerate(convs):
        sender = f"{prefix}-{c:03d}-{uuid.uuid4().hex[:6]}"
        for t, question in enumerate(conv):
            elapsed, _ = client.turn(sender, question["text"])
            if elapsed is None:
                errors += 1
                continue
            latencies.append(elapsed)
            records.append({"sender": sender, "turn": t, "intent": question["intent"],
                            "seconds": elapsed})
    return {"latencies": latencies, "records": records, "errors": errors}


def run_concurrent(url: str, plans: List[List[List[dict]]], prefix: str) -> Dict[str, Any]:
    threads = len(plans)
    barrier = threading.Barrier(threads + 1)
    latencies: List[List[float]] = [[] for _ in range(threads)]
    errors = [0] * threads

    def worker(k: int) -> None:
        client = Client(url)
        barrier.wait()
        for c, conv in enumerate(plans[k]):
            sender = f"{prefix}-{k:02d}-{c:02d}-{uuid.uuid4().hex[:6]}"
            for question in conv:
                elapsed, _ = client.turn(sender, question["text"])
                if elapsed is None:
                    errors[k] += 1
                else:
                    latencies[k].append(elapsed)

    pool = [threading.Thread(target=worker, args=(k,), daemon=True) for k in range(threads)]
    for thread in pool:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in pool:
        thread.join()
    wall = time.perf_counter() - started
    flat = [x for per in latencies for x in per]
    return {"latencies": flat, "wall": wall, "errors": sum(errors),
            "rps": len(flat) / wall if wall else float("nan"), "threads": threads}


def turn_kinds(db: Path, records: List[dict], custom_actions: set) -> Dict[str, Any]:
    """From the tracker store: which turns ran a custom action, the first turn of each
    conversation (session start), and whether the bench question got the intent it was
    written for."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT sender_id, type_name, intent_name, action_name "
                           "FROM events ORDER BY id").fetchall()
    finally:
        con.close()
    per_sender: Dict[str, List[Dict[str, Any]]] = {}
    for sender, type_name, intent, action in rows:
        turns = per_sender.setdefault(sender, [])
        if type_name == "user":
            turns.append({"intent": intent, "actions": []})
        elif type_name == "action" and turns:
            turns[-1]["actions"].append(action)
    custom, utter, first, later = [], [], [], []
    understood = total = 0
    for record in records:
        turns = per_sender.get(record["sender"], [])
        if record["turn"] >= len(turns):
            continue
        turn = turns[record["turn"]]
        total += 1
        understood += turn["intent"] == record["intent"]
        (custom if custom_actions & set(turn["actions"]) else utter).append(record["seconds"])
        (first if record["turn"] == 0 else later).append(record["seconds"])
    return {"custom": custom, "utter": utter, "first": first, "later": later,
            "understood": understood, "classified": total}


def nlu_accuracy(name: str, model: Path, log) -> Dict[str, Any]:
    out = BUILD / f"nlu-{name}"
    out.mkdir(parents=True, exist_ok=True)
    cmd = [str(RASA), "test", "nlu", "--nlu", "tests/nlu/test_nlu.yml", "--model", str(model),
           "--out", str(out.relative_to(ROOT))]
    started = time.monotonic()
    with open(BUILD / f"nlu-{name}.log", "wb") as handle:
        result = subprocess.run(cmd, cwd=ROOT, env=dict(os.environ, **RUN_ENV), stdout=handle,
                                stderr=subprocess.STDOUT, timeout=300)
    report = out / "intent_report.json"
    if result.returncode != 0 or not report.exists():
        log(f"[{name}] rasa test nlu failed; see build/bench/nlu-{name}.log")
        return {"accuracy": None}
    data = json.loads(report.read_text())
    return {"accuracy": data.get("accuracy"), "report": str(report.relative_to(ROOT)),
            "weighted_f1": data.get("weighted avg", {}).get("f1-score"),
            "seconds": time.monotonic() - started, "support": data.get("weighted avg", {})
            .get("support")}


def measure(name: str, model: Path, smoke: bool, rng_seed: int, budget: Budget, log,
            registry: List[BenchServers], endpoints: str = "endpoints.yml",
            nlu: bool = True) -> Dict[str, Any]:
    """Everything for one model served with `endpoints`, with its own fresh servers (stopped
    before returning). `nlu`: also run the held-out NLU test on the model."""
    questions = load_questions()
    rng = random.Random(rng_seed)                      # same workload for both models
    run_dir = BUILD / "runs" / f"{datetime.datetime.now():%Y%m%d-%H%M%S}-{name}"
    res: Dict[str, Any] = {"name": name, "model": str(model), "endpoints": endpoints,
                           "model_bytes": model.stat().st_size, "log_dir": str(run_dir)}
    # TRACKER_DB = run_dir/tracker.db (fresh)
    servers = BenchServers(run_dir, model=model, endpoints=endpoints)
    registry.append(servers)
    log(f"[{name}] starting action server + Rasa ({model.relative_to(ROOT)}) ...")
    try:
        servers.start()
        rasa_pid, exe = python_process(servers.pid("rasa"))
        actions_pid = servers.pid("actions")
        res.update(ready_s=servers.ready_s, actions_ready_s=servers.actions_ready_s,
                   rasa_pid=rasa_pid, rasa_exe=exe)
        log(f"[{name}] ready in {servers.ready_s:.1f} s (pid {rasa_pid}, {exe})")
        client = Client(servers.url)

        for i, question in enumerate(rng.sample(questions, 8 if not smoke else 3)):
            client.turn(f"bench-warmup-{i % 2}", question["text"])

        n_convs, n_threads, per_thread = (2, 4, 1) if smoke else (30, 16, 4)
        convs = conversations(rng, questions, n_convs, 10 if not smoke else 5)
        cpu0 = cpu_seconds(rasa_pid), cpu_seconds(actions_pid)
        one = run_one_client(client, convs, f"bench-1c-{name}")
        cpu1 = cpu_seconds(rasa_pid), cpu_seconds(actions_pid)
        turns = max(len(one["latencies"]), 1)
        res["one"] = {"n": len(one["latencies"]), "errors": one["errors"],
                      "p50": ms(pct(one["latencies"], 50)), "p95": ms(pct(one["latencies"], 95)),
                      "p99": ms(pct(one["latencies"], 99)),
                      "mean": ms(statistics.fmean(one["latencies"])) if one["latencies"] else None,
                      "rasa_cpu_ms_per_turn": ms((cpu1[0] - cpu0[0]) / turns),
                      "actions_cpu_ms_per_turn": ms((cpu1[1] - cpu0[1]) / turns)}
        log(f"[{name}] one client: {res['one']['n']} turns, p50 {res['one']['p50']:.1f} ms, "
            f"p95 {res['one']['p95']:.1f} ms")

        if not smoke:
            long_conv = long_conversation(rng, questions)
            sender = f"bench-long-{name}-{uuid.uuid4().hex[:6]}"
            lat = []
            for question in long_conv:
                elapsed, _ = client.turn(sender, question["text"])
                lat.append(elapsed)
            ok = [x for x in lat if x is not None]
            blocks = [statistics.median([x for x in lat[i:i + 10] if x is not None] or [0])
                      for i in range(0, 100, 10)]
            res["growth"] = {"first": ms(blocks[0]), "last": ms(blocks[-1]),
                             "ratio": blocks[-1] / blocks[0] if blocks[0] else None,
                             "blocks_ms": [round(ms(b), 1) for b in blocks],
                             "errors": len(lat) - len(ok)}
            log(f"[{name}] 100-turn conversation: turns 1-10 {res['growth']['first']:.1f} ms, "
                f"91-100 {res['growth']['last']:.1f} ms")

        plans = [conversations(rng, questions, per_thread, 10 if not smoke else 5)
                 for _ in range(n_threads)]
        conc = run_concurrent(servers.url, plans, f"bench-cc-{name}")
        res["conc"] = {"threads": n_threads, "n": len(conc["latencies"]), "errors": conc["errors"],
                       "rps": conc["rps"], "wall": conc["wall"],
                       "p50": ms(pct(conc["latencies"], 50)), "p95": ms(pct(conc["latencies"], 95)),
                       "p99": ms(pct(conc["latencies"], 99))}
        log(f"[{name}] {n_threads} concurrent: {res['conc']['rps']:.1f} msg/s, "
            f"p95 {res['conc']['p95']:.0f} ms")

        oos = yaml.safe_load((ROOT / "tests/data/out_of_scope_questions.yml").read_text())
        oos_questions = oos["questions"][:3] if smoke else oos["questions"]
        hits, misses = 0, []
        for i, text in enumerate(oos_questions):
            _, messages = client.turn(f"bench-oos-{name}-{i:03d}-{uuid.uuid4().hex[:6]}", text)
            answer = reply_text(messages)
            if OOS_TEXT in answer and PHONE in answer:
                hits += 1
            else:
                misses.append(text)
        res["oos"] = {"rate": hits / len(oos_questions), "rate_pct": 100 * hits / len(oos_questions),
                      "hits": hits, "n": len(oos_questions),
                      "misses": misses}
        log(f"[{name}] out of scope: {hits}/{len(oos_questions)}")

        status = proc_status(rasa_pid)
        res["memory"] = {"hwm_mb": status.get("VmHWM", 0) / 1024,
                         "rss_mb": status.get("VmRSS", 0) / 1024,
                         "anon_mb": status.get("RssAnon", 0) / 1024,
                         "file_mb": status.get("RssFile", 0) / 1024,
                         "actions_hwm_mb": proc_status(actions_pid).get("VmHWM", 0) / 1024}
    finally:
        servers.stop()
        registry.remove(servers)

    custom_actions = set(yaml.safe_load((ROOT / "domain.yml").read_text()).get("actions", []))
    kinds = turn_kinds(run_dir / "tracker.db", one["records"], custom_actions)
    res["kinds"] = {key: {"n": len(kinds[key]), "p50": ms(pct(kinds[key], 50)),
                          "p95": ms(pct(kinds[key], 95))}
                    for key in ("custom", "utter", "first", "later")}
    res["understood"] = (kinds["understood"], kinds["classified"])

    if not smoke and nlu:
        if budget.left() > 150:
            log(f"[{name}] rasa test nlu on tests/nlu/test_nlu.yml ...")
            res["nlu"] = nlu_accuracy(name, model, log)
            log(f"[{name}] NLU intent accuracy {res['nlu'].get('accuracy')}")
        else:
            res["nlu"] = {"accuracy": None, "skipped": "time budget"}
    return res


# --------------------------------------------------------------------------- report

def fmt(value, spec: str = ".1f", unit: str = "") -> str:
    if value is None or (isinstance(value, float) and value != value):
        return "n/a"
    return f"{value:{spec}}{unit}"


def verdict(ok: Optional[bool]) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


def build_rows(prod: Dict[str, Any], base: Optional[Dict[str, Any]],
               shipped: Optional[Dict[str, Any]] = None) -> List[List[str]]:
    """[metric, production, baseline, production vs baseline, (Rasa as shipped, production vs
    shipped,) target, PASS/FAIL]. Targets apply to production."""
    T = TARGETS
    g = lambda res, *path: _get(res, path)  # noqa: E731
    others = [base] + ([shipped] if shipped is not None else [])

    def faster(p, b):  # times: other / production
        return f"{b / p:.2f}x faster" if p and b else "n/a"

    def smaller(p, b, word="less"):
        return f"{b / p:.2f}x {word}" if p and b else "n/a"

    def more(p, b):
        return f"{p / b:.2f}x more" if p and b else "n/a"

    def points(p, b, scale=100, spec="+.1f"):
        return f"{(p - b) * scale:{spec}} pts" if p is not None and b is not None else "n/a"

    def row(label, path, spec=".1f", compare=faster, target="", ok=None, unit=""):
        pv = g(prod, *path)
        cells = [label, fmt(pv, spec, unit)]
        for other in others:
            ov = g(other, *path)
            cells += [fmt(ov, spec, unit), compare(pv, ov) if compare else ""]
        cells += [target, verdict(ok(pv) if (ok and pv is not None) else None) if ok else ""]
        return cells

    n, threads = g(prod, "one", "n"), g(prod, "conc", "threads") or "?"
    rows = [
        row(f"1 client p50 (ms, {n} turns)", ("one", "p50"), target=f"<= {T['p50_ms']}",
            ok=lambda v: v <= T["p50_ms"]),
        row("1 client p95 (ms)", ("one", "p95"), target=f"<= {T['p95_ms']}",
            ok=lambda v: v <= T["p95_ms"]),
        row("1 client p99 (ms)", ("one", "p99")),
        row("Rasa server CPU per turn, 1 client (ms; steadier than wall time on a busy machine)",
            ("one", "rasa_cpu_ms_per_turn"), compare=smaller),
        row(f"{threads} concurrent throughput (msg/s, {g(prod, 'conc', 'n')} msgs)",
            ("conc", "rps"), compare=more, target=f">= {T['conc_rps']}",
            ok=lambda v: v >= T["conc_rps"]),
        row(f"{threads} concurrent p95 (ms)", ("conc", "p95"), spec=".0f",
            target=f"<= {T['conc_p95_ms']}", ok=lambda v: v <= T["conc_p95_ms"]),
        row("100-turn conversation: turns 1-10 median (ms)", ("growth", "first")),
        row("100-turn conversation: turns 91-100 median (ms)", ("growth", "last")),
        row("growth: turns 91-100 / turns 1-10", ("growth", "ratio"), spec=".2f", unit="x",
            compare=None, target=f"<= {T['growth']}x", ok=lambda v: v <= T["growth"]),
    ]
    pacc = g(prod, "nlu", "accuracy")
    for other, label in zip(others, ["baseline", "Rasa as shipped"]):
        o50, p50, oacc = g(other, "one", "p50"), g(prod, "one", "p50"), g(other, "nlu", "accuracy")
        speed = o50 / p50 if p50 and o50 else None
        ok = None
        if speed is not None and pacc is not None and oacc is not None:
            ok = speed >= T["speedup"] and pacc >= oacc
        cells = [f"speed-up at p50 vs {label}, with NLU accuracy >= {label}",
                 fmt(speed, ".2f", "x")] + ["", ""] * len(others)
        cells += [f">= {T['speedup']}x and acc >=", verdict(ok)]
        rows.append(cells)
    rows += [
        row("NLU intent accuracy (tests/nlu/test_nlu.yml)", ("nlu", "accuracy"), spec=".3f",
            compare=points),
        row(f"out-of-scope rate ({g(prod, 'oos', 'hits')}/{g(prod, 'oos', 'n')} prod)",
            ("oos", "rate_pct"), spec=".0f", unit="%",
            compare=lambda p, b: points(p, b, scale=1, spec="+.0f")),
        row("start to ready: spawn until the webhook answers (s)", ("ready_s",),
            target=f"<= {T['ready_s']}", ok=lambda v: v <= T["ready_s"]),
        row("Rasa server peak RSS, VmHWM (MB)", ("memory", "hwm_mb"), spec=".0f",
            compare=smaller, target=f"<= {T['rss_mb']}", ok=lambda v: v <= T["rss_mb"]),
        row("training time (s)", ("train", "train_seconds"), spec=".0f",
            target=f"<= {T['train_s']}", ok=lambda v: v <= T["train_s"]),
        row("model size (bytes of .tar.gz)", ("model_bytes",), spec=",d",
            compare=lambda p, b: smaller(p, b, "smaller")),
    ]
    return rows


def _get(res: Optional[Dict[str, Any]], path: Sequence[str]):
    value: Any = res
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def markdown_table(header: List[str], rows: List[List[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def text_table(header: List[str], rows: List[List[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    out = ["  ".join(str(c).ljust(w) for c, w in zip(header, widths))]
    out.append("  ".join("-" * w for w in widths))
    out += ["  ".join(str(c).ljust(w) for c, w in zip(row, widths)) for row in rows]
    return "\n".join(out)


def details(res: Dict[str, Any]) -> List[str]:
    k = res.get("kinds", {})
    lines = [f"### {res['name']} (`{Path(res['model']).relative_to(ROOT)}`, "
             f"`{res.get('endpoints', 'endpoints.yml')}`)", ""]
    lines.append(f"- mean 1-min load average while this model was measured: "
                 f"{fmt(res.get('load_mean'), '.2f')} (2 cores)")
    one = res.get("one", {})
    lines.append(f"- one client: {one.get('n')} turns, {one.get('errors')} errors, mean "
                 f"{fmt(one.get('mean'))} ms; Rasa server CPU {fmt(one.get('rasa_cpu_ms_per_turn'))}"
                 f" ms/turn, action server CPU {fmt(one.get('actions_cpu_ms_per_turn'))} ms/turn")
    if k:
        lines.append(f"- turns that call a custom action: p50 {fmt(k['custom']['p50'])} ms, p95 "
                     f"{fmt(k['custom']['p95'])} ms (n={k['custom']['n']}); utter-only turns: p50 "
                     f"{fmt(k['utter']['p50'])} ms, p95 {fmt(k['utter']['p95'])} ms "
                     f"(n={k['utter']['n']})")
        lines.append(f"- first turn of a conversation (creates the tracker, runs "
                     f"action_session_start): p50 {fmt(k['first']['p50'])} ms (n={k['first']['n']});"
                     f" turns 2-10: p50 {fmt(k['later']['p50'])} ms (n={k['later']['n']})")
    if res.get("understood"):
        u, n = res["understood"]
        lines.append(f"- bench questions classified as the intent they were written for: {u}/{n}")
    conc = res.get("conc", {})
    lines.append(f"- {conc.get('threads')} concurrent: {conc.get('n')} msgs in "
                 f"{fmt(conc.get('wall'))} s, p50 {fmt(conc.get('p50'), '.0f')} ms, p99 "
                 f"{fmt(conc.get('p99'), '.0f')} ms, {conc.get('errors')} errors")
    if res.get("growth"):
        lines.append(f"- 100-turn conversation, median per block of 10 turns (ms): "
                     f"{res['growth']['blocks_ms']}; {res['growth']['errors']} failed turns")
    if res.get("oos"):
        lines.append(f"- out of scope answered with the line: {res['oos']['hits']}/{res['oos']['n']}"
                     + (f"; missed: {res['oos']['misses']}" if res["oos"]["misses"] else ""))
    mem = res.get("memory", {})
    lines.append(f"- Rasa server pid {res.get('rasa_pid')} ({res.get('rasa_exe')}): VmHWM "
                 f"{fmt(mem.get('hwm_mb'), '.0f')} MB, VmRSS at the end {fmt(mem.get('rss_mb'), '.0f')}"
                 f" MB (anonymous {fmt(mem.get('anon_mb'), '.0f')} MB, mapped files "
                 f"{fmt(mem.get('file_mb'), '.0f')} MB); action server VmHWM "
                 f"{fmt(mem.get('actions_hwm_mb'), '.0f')} MB; action "
                 f"server ready in {fmt(res.get('actions_ready_s'))} s")
    nlu = res.get("nlu")
    if nlu and nlu.get("accuracy") is not None:
        lines.append(f"- NLU: accuracy {nlu['accuracy']:.4f}, weighted F1 "
                     f"{fmt(nlu.get('weighted_f1'), '.4f')} on {nlu.get('support')} examples "
                     f"({nlu.get('report')})")
    train = res.get("train")
    if train:
        lines.append(f"- training: {train['train_seconds']} s measured {train['measured_at']} "
                     f"({'reused, inputs unchanged' if train.get('reused') else 'trained in this run'}"
                     f"; load average before {train.get('load_before')}); key "
                     f"{train['key'][:12]}")
    lines.append(f"- logs and tracker.db: `{Path(res['log_dir']).relative_to(ROOT)}`")
    return lines + [""]


# --------------------------------------------------------------------------- main

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true",
                        help="a handful of requests against the production model only: no "
                             "training, no baseline, no NLU test (writes build/bench/smoke.md)")
    parser.add_argument("--model", type=Path, default=None,
                        help="--smoke only: model to serve (default models/vertebro.tar.gz)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--results", type=Path, default=None,
                        help="markdown output (default bench/results.md, --smoke: "
                             "build/bench/smoke.md)")
    args = parser.parse_args()
    results_path = args.results or (BUILD / "smoke.md" if args.smoke else BENCH / "results.md")
    BUILD.mkdir(parents=True, exist_ok=True)

    def log(message: str) -> None:
        print(f"{time.strftime('%H:%M:%S')} {message}", flush=True)

    registry: List[BenchServers] = []

    def on_signal(signum, _frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_signal)

    info = machine()
    load_start = loadavg()
    log(f"machine: {info['cores']} cores (nproc {info['nproc']}), {info['cpu']}, "
        f"{info['mem_gb']} GB; Rasa {info['rasa']}; load average {load_start}")

    models: Dict[str, Dict[str, Any]] = {}
    if args.smoke:
        model = (args.model or PRODUCTION_MODEL).resolve()
        if not model.exists():
            log(f"no model at {model}: run `make train` first")
            return 2
        models["production"] = {"model": str(model)}
    else:
        models["production"] = ensure_model("prod", ROOT / "config.yml", log)
        models["baseline"] = ensure_model("baseline", BENCH / "baseline_config.yml", log)
        # The baseline model again, with Rasa's own SQL tracker store: Rasa as shipped.
        models["shipped"] = dict(models["baseline"], nlu_of="baseline",
                                 endpoints=str(SHIPPED_ENDPOINTS.relative_to(ROOT)))

    # ---- measuring: must end by itself within MEASURE_BUDGET_S
    budget = Budget(MEASURE_BUDGET_S)
    load_samples: List[float] = []
    load_times: List[float] = []
    foreign_seen: Dict[str, None] = {}
    stop_sampling = threading.Event()

    def sampler() -> None:
        while not stop_sampling.wait(5):
            load_samples.append(loadavg()[0])
            load_times.append(time.monotonic())
            own = [os.getpid()] + children_of(os.getpid())  # our servers, rasa test nlu
            for line in foreign_processes(own):
                foreign_seen.setdefault(line, None)

    def watchdog() -> None:
        if not stop_sampling.wait(HARD_STOP_S):
            log(f"time budget of {MEASURE_BUDGET_S} s exceeded: stopping the servers")
            for servers in list(registry):
                servers.stop()
            os._exit(3)

    threading.Thread(target=sampler, daemon=True).start()
    threading.Thread(target=watchdog, daemon=True).start()
    started_at = now_iso()
    for line in foreign_processes(children_of(os.getpid())):
        foreign_seen.setdefault(line, None)

    results: Dict[str, Dict[str, Any]] = {}
    try:
        for name, meta in models.items():
            begun = time.monotonic()
            res = measure(name, Path(meta["model"]), args.smoke, args.seed, budget, log, registry,
                          endpoints=meta.get("endpoints", "endpoints.yml"),
                          nlu="nlu_of" not in meta)
            if "nlu_of" in meta:  # the same model as another column: the same NLU results
                res["nlu"] = results[meta["nlu_of"]].get("nlu")
            window = [x for x, t in zip(load_samples, load_times) if t >= begun]
            res["load_mean"] = statistics.fmean(window) if window else None
            if not args.smoke:
                res["train"] = meta
            results[name] = res
    finally:
        for servers in list(registry):
            servers.stop()
        stop_sampling.set()
    measuring_s = budget.elapsed()
    load_end = loadavg()

    prod, base, shipped = (results["production"], results.get("baseline"),
                           results.get("shipped"))
    header = ["metric", "production", "baseline", "production vs baseline"]
    if shipped:
        header += ["Rasa as shipped", "production vs shipped"]
    header += ["target (production)", "PASS/FAIL"]
    rows = build_rows(prod, base, shipped)
    if args.smoke:
        rows = [r for r in rows if not r[0].startswith(("100-turn", "growth", "speed-up",
                                                        "NLU", "training"))]

    # The bench alone keeps about one core busy (client + server): mean 1-min load ~1.
    mean_load = statistics.fmean(load_samples) if load_samples else 0.0
    noisy = bool(foreign_seen) or mean_load > 1.8
    md = ["# Benchmark results" + (" (smoke)" if args.smoke else ""), "",
          f"Generated by `{'make bench' if not args.smoke else 'bench/run_bench.py --smoke'}` "
          f"(bench/run_bench.py), measuring started {started_at}, took {measuring_s:.0f} s "
          f"(budget {MEASURE_BUDGET_S} s). Seed {args.seed}. How to read this: bench/README.md.",
          "", "## Machine", "",
          f"- {info['cores']} cores (os.cpu_count), nproc {info['nproc']}; CPU: {info['cpu']}; "
          f"{info['mem_gb']} GB RAM; Python {info['python']}; Rasa {info['rasa']}",
          f"- load average (1/5/15 min) before measuring: {load_start}; after: {load_end}; "
          f"1-min load sampled every 5 s while measuring: mean "
          f"{fmt(statistics.fmean(load_samples) if load_samples else None, '.2f')}, max "
          f"{fmt(max(load_samples) if load_samples else None, '.2f')}"]
    if noisy:
        md.append("- **Caveat: the machine was not idle.** Other processes competed for the 2 cores "
                  "while measuring (other engineers' test servers, training or browser tests), so "
                  "latency and throughput are pessimistic and vary from run to run. Processes seen"
                  + (":" if foreign_seen else ": none by name, but the load was above the ~1 the "
                     "bench makes by itself."))
        md += [f"  - `{line}`" for line in list(foreign_seen)[:15]]
        if len(foreign_seen) > 15:
            md.append(f"  - ... and {len(foreign_seen) - 15} more")
    if not noisy:
        md.append("- No other Rasa, pytest, training or browser process was seen while measuring "
                  "and the load stayed at what the bench makes by itself (~1: client + server).")
    md += ["", "## Results", "",
           "Production = config.yml (served from "
           f"`{Path(prod['model']).relative_to(ROOT)}`)"
           + ("; baseline = bench/baseline_config.yml (Rasa 3.6 default pipeline and policies), "
              "same domain and data, served exactly as production (endpoints.yml: the project's "
              "SQLite tracker store, storage/tracker_store.py); Rasa as shipped = the baseline "
              "model served with Rasa's own SQL tracker store on SQLite "
              f"({SHIPPED_ENDPOINTS.relative_to(ROOT)}), i.e. Rasa's defaults with no project "
              "fix. Latencies are full REST turns (`POST /webhooks/rest/webhook`) measured by the "
              "client, with the real action server. Targets apply to production; PASS/FAIL is "
              "reported, not asserted." if base else "."),
           "", markdown_table(header, rows), "", "## Details", ""]
    for res in results.values():
        md += details(res)
    results_path.parent.mkdir(parents=True, exist_ok=True)
    results_path.write_text("\n".join(md) + "\n")

    print()
    print(f"Machine: {info['cores']} cores (nproc {info['nproc']}), {info['cpu']}; load average "
          f"before {load_start}, after {load_end}" + ("  [machine busy: see caveat]" if noisy else ""))
    print(text_table(header, rows))
    print(f"\nWritten {results_path.relative_to(ROOT) if results_path.is_relative_to(ROOT) else results_path}"
          f" (measuring took {measuring_s:.0f} s)")
    errors = sum((r.get("one", {}).get("errors") or 0) + (r.get("conc", {}).get("errors") or 0)
                 + (r.get("growth", {}).get("errors") or 0) for r in results.values())
    if errors:
        print(f"{errors} requests failed (no reply, HTTP error or timeout): see the logs")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
