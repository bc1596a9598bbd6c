#!/usr/bin/env python
"""Measure the changes recommended in bench/profile.md before anyone makes them.

    .venv/bin/python bench/experiments.py [--variants prod,validator,validator+sqlite,logreg]

Each variant is served by its own fresh servers (one at a time) with the same workload as
`make bench` (fewer turns): one client (200 turns in fresh 10-turn conversations), one
100-turn conversation, 16 concurrent clients (16 x 20 turns). Variants:

- prod: build/bench/models/prod.tar.gz as served in production.
- validator: the same model, Rasa started through bench/patched_rasa.py with the action
  server reply validator built once (instead of jsonschema.validate per call).
- validator+sqlite: also SQLite in WAL mode with synchronous=NORMAL.
- validator+window: the validator patch plus a tracker store that hands Rasa only the last
  60 events of a session (bench/patched_rasa.py "window"); its replies to the 100-turn
  conversation are compared with prod's (long-replies-*.json).
- logreg: config.yml with DIETClassifier replaced by LogisticRegressionClassifier (no
  TensorFlow in the NLU pipeline), trained into build/bench/experiments/, with both patches;
  plus its NLU accuracy on tests/nlu/test_nlu.yml.
Results: build/bench/experiments/summary.json and a printed table.
"""
import argparse
import json
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.run_bench import (BUILD, MODELS, ROOT, SEED, BenchServers, Client,  # noqa: E402
                             conversations, cpu_seconds, ensure_model, load_questions,
                             long_conversation, ms, nlu_accuracy, pct, proc_status,
                             python_process, run_concurrent, turn_kinds)

OUT = BUILD / "experiments"


class PatchedServers(BenchServers):
    def __init__(self, *args, patches="", **kwargs):
        extra = dict(kwargs.pop("extra_env", None) or {}, BENCH_PATCHES=patches)
        super().__init__(*args, extra_env=extra, **kwargs)

    def _spawn(self, name, args):
        if name == "rasa":
            args = [sys.executable, str(ROOT / "bench" / "patched_rasa.py")] + list(args[1:])
        return super()._spawn(name, args)


def logreg_config() -> Path:
    config = yaml.safe_load((ROOT / "config.yml").read_text())
    pipeline = []
    for component in config["pipeline"]:
        if component["name"] == "DIETClassifier":
            component = {"name": "LogisticRegressionClassifier", "max_iter": 1000}
        pipeline.append(component)
    config["pipeline"] = pipeline
    path = OUT / "config-logreg.yml"
    OUT.mkdir(parents=True, exist_ok=True)
    path.write_text("# bench experiment: config.yml with DIETClassifier -> "
                    "LogisticRegressionClassifier\n" + yaml.safe_dump(config, sort_keys=False))
    return path


def run_variant(name, model, patches, log):
    questions, rng = load_questions(), random.Random(SEED)
    run_dir = OUT / f"run-{name}"
    servers = PatchedServers(run_dir, model=model, patches=patches) if patches is not None \
        else BenchServers(run_dir, model=model)
    res = {"name": name, "model": str(model), "patches": patches}
    try:
        servers.start()
        pid, _ = python_process(servers.pid("rasa"))
        res["ready_s"] = servers.ready_s
        client = Client(servers.url)
        for i, q in enumerate(rng.sample(questions, 8)):
            client.turn(f"warm-{i % 2}", q["text"])
        records, lat = [], []
        cpu0 = cpu_seconds(pid)
        for c, conv in enumerate(conversations(rng, questions, 20, 10)):
            sender = f"x1-{c:03d}-{uuid.uuid4().hex[:6]}"
            for t, q in enumerate(conv):
                elapsed, _ = client.turn(sender, q["text"])
                if elapsed is not None:
                    lat.append(elapsed)
                    records.append({"sender": sender, "turn": t, "intent": q["intent"],
                                    "seconds": elapsed})
        res["cpu_ms_per_turn"] = ms((cpu_seconds(pid) - cpu0) / max(len(lat), 1))
        res["p50"], res["p95"], res["n"] = ms(pct(lat, 50)), ms(pct(lat, 95)), len(lat)
        sender = f"xlong-{uuid.uuid4().hex[:6]}"
        long_lat, replies = [], []
        for q in long_conversation(rng, questions):
            elapsed, messages = client.turn(sender, q["text"])
            long_lat.append(elapsed)
            replies.append([m.get("text") for m in messages])
        (OUT / f"long-replies-{name}.json").write_text(json.dumps(replies, indent=0))
        blocks = [statistics.median([x for x in long_lat[i:i + 10] if x] or [0])
                  for i in range(0, 100, 10)]
        res["long_blocks_ms"] = [round(ms(b), 1) for b in blocks]
        res["growth"] = blocks[-1] / blocks[0] if blocks[0] else None
        plans = [conversations(rng, questions, 2, 10) for _ in range(16)]
        conc = run_concurrent(servers.url, plans, "xcc")
        res["conc_rps"], res["conc_p95"] = conc["rps"], ms(pct(conc["latencies"], 95))
        res["conc_errors"] = conc["errors"]
        res["hwm_mb"] = proc_status(pid).get("VmHWM", 0) / 1024
    finally:
        servers.stop()
    custom_actions = set(yaml.safe_load((ROOT / "domain.yml").read_text()).get("actions", []))
    kinds = turn_kinds(run_dir / "tracker.db", records, custom_actions)
    res["custom_p50"], res["utter_p50"] = ms(pct(kinds["custom"], 50)), ms(pct(kinds["utter"], 50))
    res["understood"] = [kinds["understood"], kinds["classified"]]
    log(f"{name}: ready {res['ready_s']:.1f} s, p50 {res['p50']:.1f} ms, p95 {res['p95']:.1f} ms, "
        f"custom {res['custom_p50']:.1f} / utter {res['utter_p50']:.1f} ms, CPU "
        f"{res['cpu_ms_per_turn']:.1f} ms/turn, growth {res['growth']:.2f}x, 16 conc "
        f"{res['conc_rps']:.1f} msg/s p95 {res['conc_p95']:.0f} ms, HWM {res['hwm_mb']:.0f} MB")
    return res


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--variants", default="prod,validator,validator+sqlite,logreg")
    args = parser.parse_args()

    def log(message):
        print(f"{time.strftime('%H:%M:%S')} {message}", flush=True)

    OUT.mkdir(parents=True, exist_ok=True)
    summary_path = OUT / "summary.json"
    summary = json.loads(summary_path.read_text()) if summary_path.exists() else {}
    summary["load_before"] = open("/proc/loadavg").read().split()[:3]
    prod = MODELS / "prod.tar.gz"
    for variant in args.variants.split(","):
        if variant == "prod":
            summary[variant] = run_variant(variant, prod, None, log)
        elif variant in ("validator", "validator+sqlite", "validator+window",
                         "validator+sqlite+window"):
            summary[variant] = run_variant(variant, prod, variant.replace("+", ","), log)
        elif variant == "logreg":
            meta = ensure_model("logreg", logreg_config(), log, out=OUT)
            res = run_variant(variant, Path(meta["model"]), "validator,sqlite", log)
            res["train_s"] = meta["train_seconds"]
            res["model_bytes"] = Path(meta["model"]).stat().st_size
            res["nlu"] = nlu_accuracy("logreg", Path(meta["model"]), log)
            log(f"logreg: NLU accuracy {res['nlu'].get('accuracy')}, trained in "
                f"{res['train_s']} s")
            summary[variant] = res
    summary["load_after"] = open("/proc/loadavg").read().split()[:3]
    summary_path.write_text(json.dumps(summary, indent=2) + "\n")


if __name__ == "__main__":
    main()
