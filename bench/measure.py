"""Measuring one model: its own fresh servers, then each phase of the workload turned into the
numbers of the report (latency percentiles, CPU per turn, growth, throughput, out-of-scope
rate, memory, the kinds of turn from the tracker store, held-out NLU accuracy)."""

import datetime
import json
import random
import statistics
import subprocess
import time
import uuid
from pathlib import Path
from typing import Any, Dict, List

from bench.common import BUILD, RASA, ROOT, ms, pct, rasa_env
from bench.machine import cpu_seconds, proc_status, python_process
from bench.serving import (
    BenchServers,
    Client,
    redaction_ms_per_save,
    redaction_totals,
    reply_text,
)
from bench.store_kinds import kinds_summary
from bench.workload import (
    conversations,
    load_questions,
    long_conversation,
    oos_questions,
    run_concurrent,
    run_conversation,
    run_one_client,
)
from vertebro.settings import phone

PHONE = phone()  # the line, from the domain slot (vertebro/settings.py)
OOS_TEXT = "don't have that information"
NLU_MIN_BUDGET_S = 150  # the NLU test is skipped when less of the time budget is left


class Budget:
    def __init__(self, seconds: float):
        self.started = time.monotonic()
        self.seconds = seconds

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def left(self) -> float:
        return self.seconds - self.elapsed()


def latency_stats(latencies: List[float]) -> Dict[str, float]:
    return {
        "p50": ms(pct(latencies, 50)),
        "p95": ms(pct(latencies, 95)),
        "p99": ms(pct(latencies, 99)),
    }


def one_client_phase(client: Client, convs, name: str, pids, log) -> Dict[str, Any]:
    """Fresh conversations one after the other: latency, and the servers' CPU per turn."""
    cpu0 = [cpu_seconds(pid) for pid in pids]
    one = run_one_client(client, convs, f"bench-1c-{name}")
    cpu1 = [cpu_seconds(pid) for pid in pids]
    turns = max(len(one["latencies"]), 1)
    res = {
        "n": len(one["latencies"]),
        "errors": one["errors"],
        **latency_stats(one["latencies"]),
        "mean": ms(statistics.fmean(one["latencies"])) if one["latencies"] else None,
        "rasa_cpu_ms_per_turn": ms((cpu1[0] - cpu0[0]) / turns),
        "actions_cpu_ms_per_turn": ms((cpu1[1] - cpu0[1]) / turns),
    }
    log(f"[{name}] one client: {res['n']} turns, p50 {res['p50']:.1f} ms, p95 {res['p95']:.1f} ms")
    return {"stats": res, "records": one["records"]}


def growth_phase(client: Client, rng, questions, name: str, log) -> Dict[str, Any]:
    """One 100-turn conversation: the median of each block of 10 turns."""
    sender = f"bench-long-{name}-{uuid.uuid4().hex[:6]}"
    lat = run_conversation(client, sender, long_conversation(rng, questions))
    ok = [x for x in lat if x is not None]
    blocks = [
        statistics.median([x for x in lat[i : i + 10] if x is not None] or [0])
        for i in range(0, 100, 10)
    ]
    res = {
        "first": ms(blocks[0]),
        "last": ms(blocks[-1]),
        "ratio": blocks[-1] / blocks[0] if blocks[0] else None,
        "blocks_ms": [round(ms(b), 1) for b in blocks],
        "errors": len(lat) - len(ok),
    }
    log(
        f"[{name}] 100-turn conversation: turns 1-10 {res['first']:.1f} ms, "
        f"91-100 {res['last']:.1f} ms"
    )
    return res


def concurrent_phase(url: str, plans, name: str, log) -> Dict[str, Any]:
    conc = run_concurrent(url, plans, f"bench-cc-{name}")
    res = {
        "threads": len(plans),
        "n": len(conc["latencies"]),
        "errors": conc["errors"],
        "rps": conc["rps"],
        "wall": conc["wall"],
        **latency_stats(conc["latencies"]),
    }
    log(f"[{name}] {res['threads']} concurrent: {res['rps']:.1f} msg/s, p95 {res['p95']:.0f} ms")
    return res


def oos_phase(client: Client, smoke: bool, name: str, log) -> Dict[str, Any]:
    """Each out-of-scope question in a fresh conversation: answered with the line?"""
    questions = oos_questions(smoke)
    hits, misses = 0, []
    for i, text in enumerate(questions):
        _, messages = client.turn(f"bench-oos-{name}-{i:03d}-{uuid.uuid4().hex[:6]}", text)
        answer = reply_text(messages)
        if OOS_TEXT in answer and PHONE in answer:
            hits += 1
        else:
            misses.append(text)
    log(f"[{name}] out of scope: {hits}/{len(questions)}")
    return {
        "rate": hits / len(questions),
        "rate_pct": 100 * hits / len(questions),
        "hits": hits,
        "n": len(questions),
        "misses": misses,
    }


def memory(rasa_pid: int, actions_pid: int) -> Dict[str, float]:
    status = proc_status(rasa_pid)
    return {
        "hwm_mb": status.get("VmHWM", 0) / 1024,
        "rss_mb": status.get("VmRSS", 0) / 1024,
        "anon_mb": status.get("RssAnon", 0) / 1024,
        "file_mb": status.get("RssFile", 0) / 1024,
        "actions_hwm_mb": proc_status(actions_pid).get("VmHWM", 0) / 1024,
    }


def nlu_accuracy(name: str, model: Path, log) -> Dict[str, Any]:
    out = BUILD / f"nlu-{name}"
    out.mkdir(parents=True, exist_ok=True)
    cmd = [
        str(RASA),
        "test",
        "nlu",
        "--nlu",
        "tests/nlu/test_nlu.yml",
        "--model",
        str(model),
        "--out",
        str(out.relative_to(ROOT)),
    ]
    started = time.monotonic()
    with open(BUILD / f"nlu-{name}.log", "wb") as handle:
        result = subprocess.run(
            cmd, cwd=ROOT, env=rasa_env(), stdout=handle, stderr=subprocess.STDOUT, timeout=300
        )
    report = out / "intent_report.json"
    if result.returncode != 0 or not report.exists():
        log(f"[{name}] rasa test nlu failed; see build/bench/nlu-{name}.log")
        return {"accuracy": None}
    data = json.loads(report.read_text())
    return {
        "accuracy": data.get("accuracy"),
        "report": str(report.relative_to(ROOT)),
        "weighted_f1": data.get("weighted avg", {}).get("f1-score"),
        "seconds": time.monotonic() - started,
        "support": data.get("weighted avg", {}).get("support"),
    }


def load_phases(
    servers: BenchServers, res: Dict[str, Any], smoke: bool, seed: int, log
) -> List[dict]:
    """The workload against running servers, in a fixed order (the same random draws for
    every model); fills `res`, returns the one-client records."""
    name = res["name"]
    questions = load_questions()
    rng = random.Random(seed)  # same workload for every model
    rasa_pid, exe = python_process(servers.pid("rasa"))
    actions_pid = servers.pid("actions")
    res.update(
        ready_s=servers.ready_s,
        actions_ready_s=servers.actions_ready_s,
        rasa_pid=rasa_pid,
        rasa_exe=exe,
    )
    log(f"[{name}] ready in {servers.ready_s:.1f} s (pid {rasa_pid}, {exe})")
    client = Client(servers.url)
    for i, question in enumerate(rng.sample(questions, 8 if not smoke else 3)):  # warm-up
        client.turn(f"bench-warmup-{i % 2}", question["text"])
    n_convs, n_threads, per_thread = (2, 4, 1) if smoke else (30, 16, 4)
    turns = 10 if not smoke else 5
    redacted = redaction_totals(servers.url)
    one = one_client_phase(
        client, conversations(rng, questions, n_convs, turns), name, (rasa_pid, actions_pid), log
    )
    res["one"] = one["stats"]
    res["one"]["redaction_ms"] = redaction_ms_per_save(redacted, redaction_totals(servers.url))
    if not smoke:
        res["growth"] = growth_phase(client, rng, questions, name, log)
    plans = [conversations(rng, questions, per_thread, turns) for _ in range(n_threads)]
    res["conc"] = concurrent_phase(servers.url, plans, name, log)
    res["oos"] = oos_phase(client, smoke, name, log)
    res["memory"] = memory(rasa_pid, actions_pid)
    return one["records"]


def measure(
    name: str,
    model: Path,
    smoke: bool,
    rng_seed: int,
    budget: Budget,
    log,
    registry: List[BenchServers],
    endpoints: str = "endpoints.yml",
    nlu: bool = True,
) -> Dict[str, Any]:
    """Everything for one model served with `endpoints`, with its own fresh servers (stopped
    before returning). `nlu`: also run the held-out NLU test on the model."""
    run_dir = BUILD / "runs" / f"{datetime.datetime.now():%Y%m%d-%H%M%S}-{name}"
    res: Dict[str, Any] = {
        "name": name,
        "model": str(model),
        "endpoints": endpoints,
        "model_bytes": model.stat().st_size,
        "log_dir": str(run_dir),
    }
    # TRACKER_DB = run_dir/tracker.db (fresh). Rasa as shipped (Rasa's own store) runs without
    # the project's patches to Rasa internals (vertebro/rasa_patches.py); production and the
    # baseline with them, as they ran before the patches had their entry point (the baseline's
    # tracker store imported them).
    servers = BenchServers(run_dir, model=model, endpoints=endpoints, patched=name != "shipped")
    registry.append(servers)
    log(f"[{name}] starting action server + Rasa ({model.relative_to(ROOT)}) ...")
    try:
        servers.start()
        records = load_phases(servers, res, smoke, rng_seed, log)
    finally:
        servers.stop()
        registry.remove(servers)
    res.update(kinds_summary(run_dir / "tracker.db", records))
    if not smoke and nlu:
        if budget.left() > NLU_MIN_BUDGET_S:
            log(f"[{name}] rasa test nlu on tests/nlu/test_nlu.yml ...")
            res["nlu"] = nlu_accuracy(name, model, log)
            log(f"[{name}] NLU intent accuracy {res['nlu'].get('accuracy')}")
        else:
            res["nlu"] = {"accuracy": None, "skipped": "time budget"}
    return res
