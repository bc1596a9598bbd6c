#!/usr/bin/env python
"""Where the time of a REST turn goes on the production server (findings: bench/profile.md).

    .venv/bin/python bench/profile_turns.py [--model build/bench/models/prod.tar.gz]

Three parts, each with its own fresh servers (never two Rasa servers at once):
 1. instrumented: Rasa started through bench/instrumented_rasa.py; 300 turns in fresh 10-turn
    conversations and one 100-turn conversation; per-turn time in each graph node (NLU
    component / policy), tracker store retrieve/save, tracker replays, the action server call.
 2. py-spy: the plain production server under a one-client load, sampled for --duration s
    (build/bench/profile.svg flame graph + collapsed stacks aggregated by area).
 3. A/B: the same model with the in-memory tracker store instead of SQLite (same workload),
    to separate the tracker store's cost from the rest.
Output: build/bench/profile/summary.json and a printed summary.
"""

import argparse
import json
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import BUILD, ROOT, SEED, ms, pct  # noqa: E402
from bench.machine import cpu_seconds, python_process  # noqa: E402
from bench.profile_stacks import aggregate_raw, startup_phases  # noqa: E402
from bench.serving import BenchServers, Client  # noqa: E402
from bench.workload import (  # noqa: E402
    conversations,
    load_questions,
    profile_long_run,
    profile_workload,
    warm_up,
)

OUT = BUILD / "profile"
PY_SPY = Path(sys.executable).parent / "py-spy"


class InstrumentedServers(BenchServers):
    """Rasa started through bench/instrumented_rasa.py (same arguments)."""

    def _spawn(self, name, args):
        if name == "rasa":
            args = [sys.executable, str(ROOT / "bench" / "instrumented_rasa.py")] + list(args[1:])
        return super()._spawn(name, args)


def part_instrumented(model, log):
    records_path = OUT / "turns.jsonl"
    records_path.unlink(missing_ok=True)
    servers = InstrumentedServers(
        OUT / "run-instrumented", model=model, extra_env={"BENCH_PROFILE_OUT": str(records_path)}
    )
    questions, rng = load_questions(), random.Random(SEED)
    try:
        servers.start()
        client = Client(servers.url)
        warm_up(client, rng, questions)
        mark = sum(1 for _ in open(records_path))
        lat = profile_workload(client, rng, questions, "prof")
        long_sender, long_lat = profile_long_run(client, rng, questions, "prof")
    finally:
        servers.stop()
    records = [json.loads(line) for line in open(records_path)][mark:]
    short = [r for r in records if not r["sender"].startswith("prof-long")]
    long_ = [r for r in records if r["sender"] == long_sender]

    def table(rows):
        labels = sorted({k for r in rows for k in r["t"]})
        out = {}
        for label in labels:
            values = [r["t"].get(label, 0.0) for r in rows]
            calls = [r["n"].get(label, 0) for r in rows]
            out[label] = {
                "mean_ms": ms(statistics.fmean(values)),
                "p50_ms": ms(pct(values, 50)),
                "calls_per_turn": statistics.fmean(calls),
            }
        totals = [r["total"] for r in rows]
        out["handle_message (server total)"] = {
            "mean_ms": ms(statistics.fmean(totals)),
            "p50_ms": ms(pct(totals, 50)),
            "calls_per_turn": 1.0,
        }
        return out

    custom = [r for r in short if any(k.startswith("remote_action:") for k in r["t"])]
    utter = [r for r in short if not any(k.startswith("remote_action:") for k in r["t"])]
    first = long_[:10]
    last = long_[-10:]
    result = {
        "client_p50_ms": ms(pct(lat, 50)),
        "client_p95_ms": ms(pct(lat, 95)),
        "turns": len(short),
        "all": table(short),
        "custom": table(custom),
        "utter": table(utter),
        "n_custom": len(custom),
        "n_utter": len(utter),
        "long_first10": table(first),
        "long_last10": table(last),
        "long_events_first_last": [first[0].get("events"), last[-1].get("events")],
        "long_client_ms_first10": ms(statistics.median([x for x in long_lat[:10] if x])),
        "long_client_ms_last10": ms(statistics.median([x for x in long_lat[-10:] if x])),
        "long_blocks_server_ms": [
            round(ms(statistics.median(r["total"] for r in long_[i : i + 10])), 1)
            for i in range(0, len(long_), 10)
        ],
    }
    log(f"instrumented: client p50 {result['client_p50_ms']:.1f} ms over {len(lat)} turns")
    return result


def part_pyspy(model, duration, log):
    servers = BenchServers(OUT / "run-pyspy", model=model)
    questions, rng = load_questions(), random.Random(SEED + 1)
    stop = threading.Event()
    counts = {"turns": 0}

    def load():
        client = Client(servers.url)
        while not stop.is_set():
            for q in conversations(rng, questions, 1, 10)[0]:
                sender = f"spy-{counts['turns'] // 10}"
                if stop.is_set():
                    return
                if client.turn(sender, q["text"])[0] is not None:
                    counts["turns"] += 1

    result = {}
    try:
        servers.start()
        pid, _ = python_process(servers.pid("rasa"))
        client = Client(servers.url)
        warm_up(client, rng, questions)
        thread = threading.Thread(target=load, daemon=True)
        thread.start()
        time.sleep(1)
        for fmt, target in (("raw", OUT / "pyspy-raw.txt"), ("flamegraph", BUILD / "profile.svg")):
            before, cpu0 = counts["turns"], cpu_seconds(pid)
            proc = subprocess.run(
                [
                    str(PY_SPY),
                    "record",
                    "--pid",
                    str(pid),
                    "--duration",
                    str(duration),
                    "--rate",
                    "200",
                    "--format",
                    fmt,
                    "-o",
                    str(target),
                    "--nonblocking",
                ],
                capture_output=True,
                text=True,
            )
            turns = counts["turns"] - before
            result[fmt] = {
                "rc": proc.returncode,
                "turns": turns,
                "cpu_ms_per_turn": ms((cpu_seconds(pid) - cpu0) / max(turns, 1)),
                "stderr": proc.stderr[-400:],
            }
            log(f"py-spy {fmt}: rc {proc.returncode}, {turns} turns during {duration} s")
        stop.set()
        thread.join(timeout=30)
    finally:
        stop.set()
        servers.stop()
    if (OUT / "pyspy-raw.txt").exists():
        result["aggregate"] = aggregate_raw(
            OUT / "pyspy-raw.txt", result.get("raw", {}).get("cpu_ms_per_turn")
        )
    return result


class StartupProfiledServers(BenchServers):
    """`rasa run` launched by py-spy, sampled for its first `seconds` (start-up)."""

    seconds = 40

    def _spawn(self, name, args):
        if name == "rasa":
            args = [
                str(PY_SPY),
                "record",
                "--format",
                "raw",
                "--rate",
                "100",
                "--duration",
                str(self.seconds),
                "-o",
                str(OUT / "startup-raw.txt"),
                "--",
            ] + list(args)
        return super()._spawn(name, args)


def part_startup(model, log):
    """Where the start-up time goes: py-spy over the first 40 s of `rasa run`."""
    servers = StartupProfiledServers(OUT / "run-startup", model=model)
    try:
        servers.start()
        ready = servers.ready_s
        time.sleep(max(0.0, servers.seconds + 3 - ready))
    finally:
        servers.stop()
    total, counts = startup_phases(OUT / "startup-raw.txt")
    result = {
        "ready_s": ready,
        "sampled_s": total / 100.0,
        "seconds": {
            k: round(v / 100.0, 1) for k, v in sorted(counts.items(), key=lambda kv: -kv[1])
        },
    }
    log(f"start-up: ready in {ready:.1f} s; {result['seconds']}")
    return result


def part_inmemory(model, log):
    endpoints = OUT / "endpoints-inmemory.yml"
    endpoints.write_text(
        "# bench only: production endpoints.yml without the SQL tracker store\n"
        "action_endpoint:\n  url: ${ACTION_ENDPOINT_URL}\n"
    )
    out = {}
    for label, ep in (("sqlite", "endpoints.yml"), ("inmemory", str(endpoints))):
        servers = BenchServers(OUT / f"run-{label}", model=model, endpoints=ep)
        questions, rng = load_questions(), random.Random(SEED)
        try:
            servers.start()
            client = Client(servers.url)
            for i, q in enumerate(rng.sample(questions, 8)):
                client.turn(f"warm-{i % 2}", q["text"])
            lat = profile_workload(client, rng, questions, f"ab-{label}", n_convs=20)
            _, long_lat = profile_long_run(client, rng, questions, f"ab-{label}")
        finally:
            servers.stop()
        out[label] = {
            "p50_ms": ms(pct(lat, 50)),
            "p95_ms": ms(pct(lat, 95)),
            "n": len(lat),
            "long_first10_ms": ms(statistics.median([x for x in long_lat[:10] if x])),
            "long_last10_ms": ms(statistics.median([x for x in long_lat[-10:] if x])),
        }
        log(
            f"{label}: p50 {out[label]['p50_ms']:.1f} ms, long conversation "
            f"{out[label]['long_first10_ms']:.1f} -> {out[label]['long_last10_ms']:.1f} ms"
        )
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", type=Path, default=BUILD / "models" / "prod.tar.gz")
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--parts", default="instrumented,pyspy,inmemory")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)

    def log(message):
        print(f"{time.strftime('%H:%M:%S')} {message}", flush=True)

    summary_path = OUT / "summary.json"
    summary = json.loads(summary_path.read_text()) if summary_path.exists() else {}
    summary["model"] = str(args.model)
    summary["load_before"] = open("/proc/loadavg").read().split()[:3]
    parts = args.parts.split(",")
    if "instrumented" in parts:
        summary["instrumented"] = part_instrumented(args.model.resolve(), log)
    if "pyspy" in parts:
        summary["pyspy"] = part_pyspy(args.model.resolve(), args.duration, log)
    if "aggregate" in parts:  # re-read the last py-spy samples only
        summary["pyspy"]["aggregate"] = aggregate_raw(
            OUT / "pyspy-raw.txt", summary["pyspy"].get("raw", {}).get("cpu_ms_per_turn")
        )
    if "startup" in parts:
        summary["startup"] = part_startup(args.model.resolve(), log)
    if "inmemory" in parts:
        summary["ab_tracker_store"] = part_inmemory(args.model.resolve(), log)
    summary["load_after"] = open("/proc/loadavg").read().split()[:3]
    summary_path.write_text(json.dumps(summary, indent=2) + "\n")
    print(json.dumps(summary, indent=1)[:20000])


if __name__ == "__main__":
    main()
