#!/usr/bin/env python
"""Benchmark the production assistant against Rasa's default configuration.

    make bench                              # full run: writes bench/results.md, prints a summary
    .venv/bin/python bench/run_bench.py --smoke   # a handful of requests, production model only

Full run: train (only when the inputs changed) the production config (config.yml) and the
baseline (bench/baseline_config.yml, Rasa 3.6's default) into build/bench/models/, then serve
each model with its own fresh action server + Rasa server (scripts/servers.py), one after the
other, and measure: one-client REST latency, 16-client throughput, growth over a 100-turn
conversation, start-up time, peak memory, held-out NLU accuracy and the out-of-scope rate.
See bench/README.md for how to read the output.

The modules: bench/training.py (models), bench/serving.py (servers and client),
bench/workload.py (what is sent), bench/measure.py (one model's numbers), bench/machine.py (the
machine and its processes), bench/report.py (the table), bench/report_doc.py (results.md).
"""

import argparse
import os
import signal
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any, Dict, List

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script

from bench.common import BENCH, BUILD, ROOT, SEED, SHIPPED_ENDPOINTS, now_iso  # noqa: E402
from bench.machine import LoadSampler, loadavg, machine  # noqa: E402
from bench.measure import Budget, measure  # noqa: E402
from bench.report import build_rows, smoke_rows  # noqa: E402
from bench.report_doc import document, summary  # noqa: E402
from bench.serving import BenchServers  # noqa: E402
from bench.training import ensure_model  # noqa: E402
from scripts.servers import MODEL as PRODUCTION_MODEL  # noqa: E402

MEASURE_BUDGET_S = 600  # the measuring part must end by itself within 10 minutes
HARD_STOP_S = MEASURE_BUDGET_S - 10


def log(message: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {message}", flush=True)


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="a handful of requests against the production model only: no "
        "training, no baseline, no NLU test (writes build/bench/smoke.md)",
    )
    parser.add_argument(
        "--model",
        type=Path,
        default=None,
        help="--smoke only: model to serve (default models/vertebro.tar.gz)",
    )
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--results",
        type=Path,
        default=None,
        help="markdown output (default bench/results.md, --smoke: build/bench/smoke.md)",
    )
    return parser.parse_args(argv)


def models_to_measure(args) -> Dict[str, Dict[str, Any]]:
    """name -> train JSON (or just the model for --smoke), in the order they are measured."""
    if args.smoke:
        return {"production": {"model": str((args.model or PRODUCTION_MODEL).resolve())}}
    models = {
        "production": ensure_model("prod", ROOT / "config.yml", log),
        "baseline": ensure_model("baseline", BENCH / "baseline_config.yml", log),
    }
    # The baseline model again, with Rasa's own SQL tracker store: Rasa as shipped.
    models["shipped"] = dict(
        models["baseline"], nlu_of="baseline", endpoints=str(SHIPPED_ENDPOINTS.relative_to(ROOT))
    )
    return models


def start_watchdog(stopped: threading.Event, registry: List[BenchServers]) -> None:
    """Stops the servers and exits (code 3) when measuring runs past HARD_STOP_S."""

    def watchdog() -> None:
        if not stopped.wait(HARD_STOP_S):
            log(f"time budget of {MEASURE_BUDGET_S} s exceeded: stopping the servers")
            for servers in list(registry):
                servers.stop()
            os._exit(3)

    threading.Thread(target=watchdog, daemon=True).start()


def measure_all(models, args, sampler: LoadSampler) -> Dict[str, Any]:
    """Each model in turn with its own servers; ends by itself within MEASURE_BUDGET_S."""
    registry: List[BenchServers] = []
    budget = Budget(MEASURE_BUDGET_S)
    start_watchdog(sampler.stopped, registry)
    run: Dict[str, Any] = {"started_at": now_iso(), "results": {}}
    results = run["results"]
    try:
        for name, meta in models.items():
            begun = time.monotonic()
            res = measure(
                name,
                Path(meta["model"]),
                args.smoke,
                args.seed,
                budget,
                log,
                registry,
                endpoints=meta.get("endpoints", "endpoints.yml"),
                nlu="nlu_of" not in meta,
            )
            if "nlu_of" in meta:  # the same model as another column: the same NLU results
                res["nlu"] = results[meta["nlu_of"]].get("nlu")
            window = sampler.since(begun)
            res["load_mean"] = statistics.fmean(window) if window else None
            if not args.smoke:
                res["train"] = meta
            results[name] = res
    finally:
        for servers in list(registry):
            servers.stop()
        sampler.stop()
    run["measuring_s"] = budget.elapsed()
    return run


def failed_requests(results: Dict[str, Dict[str, Any]]) -> int:
    return sum(
        (r.get("one", {}).get("errors") or 0)
        + (r.get("conc", {}).get("errors") or 0)
        + (r.get("growth", {}).get("errors") or 0)
        for r in results.values()
    )


def main(argv=None) -> int:
    args = parse_args(argv)
    results_path = args.results or (BUILD / "smoke.md" if args.smoke else BENCH / "results.md")
    BUILD.mkdir(parents=True, exist_ok=True)
    signal.signal(signal.SIGTERM, lambda signum, _frame: sys.exit(128 + signum))

    info, load_start = machine(), loadavg()
    log(
        f"machine: {info['cores']} cores (nproc {info['nproc']}), {info['cpu']}, "
        f"{info['mem_gb']} GB; Rasa {info['rasa']}; load average {load_start}"
    )
    if args.smoke and not (args.model or PRODUCTION_MODEL).resolve().exists():
        log(f"no model at {(args.model or PRODUCTION_MODEL).resolve()}: run `make train` first")
        return 2
    models = models_to_measure(args)

    sampler = LoadSampler().start()
    run = measure_all(models, args, sampler)
    samples = sampler.samples
    run.update(
        smoke=args.smoke,
        seed=args.seed,
        budget_s=MEASURE_BUDGET_S,
        machine=info,
        load_start=load_start,
        load_end=loadavg(),
        load_samples=samples,
        load_mean=statistics.fmean(samples) if samples else 0.0,
        foreign=sampler.foreign,
    )

    results = run["results"]
    rows = build_rows(results["production"], results.get("baseline"), results.get("shipped"))
    if args.smoke:
        rows = smoke_rows(rows)
    results_path.parent.mkdir(parents=True, exist_ok=True)
    results_path.write_text(document(run, rows))
    print(summary(run, rows, results_path))
    errors = failed_requests(results)
    if errors:
        print(f"{errors} requests failed (no reply, HTTP error or timeout): see the logs")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
