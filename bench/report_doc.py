"""bench/results.md (or build/bench/smoke.md) and the terminal summary: the machine as
measured (bench/machine.py), whether it was quiet, the results table (bench/report.py) and the
details of each model."""

from pathlib import Path
from typing import Any, Dict, List

from bench.common import ROOT, SHIPPED_ENDPOINTS
from bench.machine import cores_text
from bench.report import fmt, header, markdown_table, text_table

# The bench alone keeps about one core busy (client + server): mean 1-min load ~1.
BUSY_LOAD = 1.8
FOREIGN_SHOWN = 15


def relative(path: Path) -> Path:
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def is_noisy(run: Dict[str, Any]) -> bool:
    return bool(run["foreign"]) or run["load_mean"] > BUSY_LOAD


def machine_lines(run: Dict[str, Any]) -> List[str]:
    """The Machine section: cores (os.cpu_count, nproc), CPU model, memory, load, noise."""
    info, samples = run["machine"], run["load_samples"]
    lines = [
        f"- {info['cores']} cores (os.cpu_count), nproc {info['nproc']}; CPU: {info['cpu']}; "
        f"{info['mem_gb']} GB RAM; Python {info['python']}; Rasa {info['rasa']}",
        f"- load average (1/5/15 min) before measuring: {run['load_start']}; after: "
        f"{run['load_end']}; 1-min load sampled every 5 s while measuring: mean "
        f"{fmt(run['load_mean'] if samples else None, '.2f')}, max "
        f"{fmt(max(samples) if samples else None, '.2f')}",
    ]
    if not is_noisy(run):
        return lines + [
            "- No other Rasa, pytest, training or browser process was seen while "
            "measuring and the load stayed at what the bench makes by itself (~1: "
            "client + server)."
        ]
    foreign = list(run["foreign"])
    lines.append(
        f"- **Caveat: the machine was not idle.** Other processes competed for the "
        f"{cores_text(info)} while measuring (other engineers' test servers, training "
        "or browser tests), so latency and throughput are pessimistic and vary from "
        "run to run. Processes seen"
        + (
            ":"
            if foreign
            else ": none by name, but the load was above the ~1 the bench makes by itself."
        )
    )
    lines += [f"  - `{line}`" for line in foreign[:FOREIGN_SHOWN]]
    if len(foreign) > FOREIGN_SHOWN:
        lines.append(f"  - ... and {len(foreign) - FOREIGN_SHOWN} more")
    return lines


def intro(prod: Dict[str, Any], with_baseline: bool) -> str:
    text = f"Production = config.yml (served from `{relative(Path(prod['model']))}`)"
    if not with_baseline:
        return text + "."
    return text + (
        "; baseline = bench/baseline_config.yml (Rasa 3.6 default pipeline and policies), "
        "same domain and data, served exactly as production (endpoints.yml: the project's "
        "SQLite tracker store, storage/tracker_store.py); Rasa as shipped = the baseline "
        "model served with Rasa's own SQL tracker store on SQLite "
        f"({SHIPPED_ENDPOINTS.relative_to(ROOT)}), i.e. Rasa's defaults with no project "
        "fix. Latencies are full REST turns (`POST /webhooks/rest/webhook`) measured by the "
        "client, with the real action server. Targets apply to production; PASS/FAIL is "
        "reported, not asserted."
    )


def run_lines(res: Dict[str, Any]) -> List[str]:
    """Details of one model: load, one client, the kinds of turn, concurrency, growth, OOS."""
    k, one, conc = res.get("kinds", {}), res.get("one", {}), res.get("conc", {})
    lines = [
        f"- one client: {one.get('n')} turns, {one.get('errors')} errors, mean "
        f"{fmt(one.get('mean'))} ms; Rasa server CPU {fmt(one.get('rasa_cpu_ms_per_turn'))}"
        f" ms/turn, action server CPU {fmt(one.get('actions_cpu_ms_per_turn'))} ms/turn"
    ]
    if k:
        lines.append(
            f"- turns that call a custom action: p50 {fmt(k['custom']['p50'])} ms, p95 "
            f"{fmt(k['custom']['p95'])} ms (n={k['custom']['n']}); utter-only turns: p50 "
            f"{fmt(k['utter']['p50'])} ms, p95 {fmt(k['utter']['p95'])} ms "
            f"(n={k['utter']['n']})"
        )
        lines.append(
            f"- first turn of a conversation (creates the tracker, runs "
            f"action_session_start): p50 {fmt(k['first']['p50'])} ms (n={k['first']['n']});"
            f" turns 2-10: p50 {fmt(k['later']['p50'])} ms (n={k['later']['n']})"
        )
    if res.get("understood"):
        u, n = res["understood"]
        lines.append(f"- bench questions classified as the intent they were written for: {u}/{n}")
    lines.append(
        f"- {conc.get('threads')} concurrent: {conc.get('n')} msgs in "
        f"{fmt(conc.get('wall'))} s, p50 {fmt(conc.get('p50'), '.0f')} ms, p99 "
        f"{fmt(conc.get('p99'), '.0f')} ms, {conc.get('errors')} errors"
    )
    if res.get("growth"):
        lines.append(
            f"- 100-turn conversation, median per block of 10 turns (ms): "
            f"{res['growth']['blocks_ms']}; {res['growth']['errors']} failed turns"
        )
    if res.get("oos"):
        lines.append(
            f"- out of scope answered with the line: {res['oos']['hits']}/{res['oos']['n']}"
            + (f"; missed: {res['oos']['misses']}" if res["oos"]["misses"] else "")
        )
    return lines


def server_lines(res: Dict[str, Any]) -> List[str]:
    """Details of one model: memory, NLU, training, where the logs are."""
    mem = res.get("memory", {})
    lines = [
        f"- Rasa server pid {res.get('rasa_pid')} ({res.get('rasa_exe')}): VmHWM "
        f"{fmt(mem.get('hwm_mb'), '.0f')} MB, VmRSS at the end {fmt(mem.get('rss_mb'), '.0f')}"
        f" MB (anonymous {fmt(mem.get('anon_mb'), '.0f')} MB, mapped files "
        f"{fmt(mem.get('file_mb'), '.0f')} MB); action server VmHWM "
        f"{fmt(mem.get('actions_hwm_mb'), '.0f')} MB; action "
        f"server ready in {fmt(res.get('actions_ready_s'))} s"
    ]
    nlu = res.get("nlu")
    if nlu and nlu.get("accuracy") is not None:
        lines.append(
            f"- NLU: accuracy {nlu['accuracy']:.4f}, weighted F1 "
            f"{fmt(nlu.get('weighted_f1'), '.4f')} on {nlu.get('support')} examples "
            f"({nlu.get('report')})"
        )
    train = res.get("train")
    if train:
        lines.append(
            f"- training: {train['train_seconds']} s measured {train['measured_at']} "
            f"({'reused, inputs unchanged' if train.get('reused') else 'trained in this run'}"
            f"; load average before {train.get('load_before')}); key "
            f"{train['key'][:12]}"
        )
    lines.append(f"- logs and tracker.db: `{Path(res['log_dir']).relative_to(ROOT)}`")
    return lines


def details(res: Dict[str, Any], info: Dict[str, Any]) -> List[str]:
    lines = [
        f"### {res['name']} (`{Path(res['model']).relative_to(ROOT)}`, "
        f"`{res.get('endpoints', 'endpoints.yml')}`)",
        "",
        f"- mean 1-min load average while this model was measured: "
        f"{fmt(res.get('load_mean'), '.2f')} ({cores_text(info)})",
    ]
    return lines + run_lines(res) + server_lines(res) + [""]


def document(run: Dict[str, Any], rows: List[List[str]]) -> str:
    """The whole markdown file. `run`: smoke, seed, budget_s, started_at, measuring_s, machine,
    load_start, load_end, load_samples, load_mean, foreign, results."""
    results, smoke = run["results"], run["smoke"]
    md = [
        "# Benchmark results" + (" (smoke)" if smoke else ""),
        "",
        f"Generated by `{'make bench' if not smoke else 'bench/run_bench.py --smoke'}` "
        f"(bench/run_bench.py), measuring started {run['started_at']}, took "
        f"{run['measuring_s']:.0f} s (budget {run['budget_s']} s). Seed {run['seed']}. How to "
        "read this: bench/README.md.",
        "",
        "## Machine",
        "",
    ]
    md += machine_lines(run)
    md += [
        "",
        "## Results",
        "",
        intro(results["production"], "baseline" in results),
        "",
        markdown_table(header("shipped" in results), rows),
        "",
        "## Details",
        "",
    ]
    for res in results.values():
        md += details(res, run["machine"])
    return "\n".join(md) + "\n"


def summary(run: Dict[str, Any], rows: List[List[str]], results_path: Path) -> str:
    """What the terminal shows at the end."""
    info = run["machine"]
    return "\n".join(
        [
            "",
            f"Machine: {info['cores']} cores (nproc {info['nproc']}), {info['cpu']}; load average "
            f"before {run['load_start']}, after {run['load_end']}"
            + ("  [machine busy: see caveat]" if is_noisy(run) else ""),
            text_table(header("shipped" in run["results"]), rows),
            f"\nWritten {relative(results_path)} (measuring took {run['measuring_s']:.0f} s)",
        ]
    )
