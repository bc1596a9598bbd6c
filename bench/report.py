"""The results table: one row per metric with production, the baseline (and Rasa as shipped),
how production compares, the target and PASS/FAIL (reported, never asserted); as markdown for
bench/results.md and as text for the terminal."""

from typing import Any, Callable, Dict, List, Optional, Sequence

# Targets for production (bench/README.md, "Reading results.md").
TARGETS = {
    "p50_ms": 12,
    "p95_ms": 25,
    "conc_rps": 80,
    "conc_p95_ms": 250,
    "growth": 1.2,
    "speedup": 2.5,
    "ready_s": 20,
    "rss_mb": 900,
    "train_s": 180,
    "redaction_ms": 1,  # issue 12: redaction must not add more than 1 ms to a turn
}
# Rows a --smoke run leaves out (it measures neither of them).
SMOKE_SKIPS = ("100-turn", "growth", "speed-up", "NLU", "training")


def at_most(key: str, unit: str = "") -> Dict[str, Any]:
    """A row's target and its check: production's value at most TARGETS[key]."""
    return {"target": f"<= {TARGETS[key]}{unit}", "ok": lambda v: v <= TARGETS[key]}


def at_least(key: str) -> Dict[str, Any]:
    """A row's target and its check: production's value at least TARGETS[key]."""
    return {"target": f">= {TARGETS[key]}", "ok": lambda v: v >= TARGETS[key]}


def fmt(value, spec: str = ".1f", unit: str = "") -> str:
    if value is None or (isinstance(value, float) and value != value):
        return "n/a"
    return f"{value:{spec}}{unit}"


def verdict(ok: Optional[bool]) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


def get(res: Optional[Dict[str, Any]], path: Sequence[str]):
    value: Any = res
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


# How production compares with another column: p = production's value, b = the other's.
def faster(p, b):  # times: other / production
    return f"{b / p:.2f}x faster" if p and b else "n/a"


def smaller(p, b, word="less"):
    return f"{b / p:.2f}x {word}" if p and b else "n/a"


def more(p, b):
    return f"{p / b:.2f}x more" if p and b else "n/a"


def points(p, b, scale=100, spec="+.1f"):
    return f"{(p - b) * scale:{spec}} pts" if p is not None and b is not None else "n/a"


class Rows:
    """Builds the rows for production and the other columns (baseline, Rasa as shipped)."""

    def __init__(self, prod: Dict[str, Any], others: List[Optional[Dict[str, Any]]]):
        self.prod, self.others = prod, others

    def row(
        self,
        label: str,
        path: Sequence[str],
        spec: str = ".1f",
        compare: Optional[Callable] = faster,
        target: str = "",
        ok: Optional[Callable] = None,
        unit: str = "",
    ) -> List[str]:
        pv = get(self.prod, path)
        cells = [label, fmt(pv, spec, unit)]
        for other in self.others:
            ov = get(other, path)
            cells += [fmt(ov, spec, unit), compare(pv, ov) if compare else ""]
        cells += [target, verdict(ok(pv) if (ok and pv is not None) else None) if ok else ""]
        return cells

    def speed_up(self, other: Optional[Dict[str, Any]], label: str) -> List[str]:
        """Speed-up at p50 against `other`, passing only with NLU accuracy >= its accuracy."""
        o50, p50 = get(other, ("one", "p50")), get(self.prod, ("one", "p50"))
        pacc, oacc = get(self.prod, ("nlu", "accuracy")), get(other, ("nlu", "accuracy"))
        speed = o50 / p50 if p50 and o50 else None
        ok = None
        if speed is not None and pacc is not None and oacc is not None:
            ok = speed >= TARGETS["speedup"] and pacc >= oacc
        cells = [
            f"speed-up at p50 vs {label}, with NLU accuracy >= {label}",
            fmt(speed, ".2f", "x"),
        ] + ["", ""] * len(self.others)
        return cells + [f">= {TARGETS['speedup']}x and acc >=", verdict(ok)]


def latency_rows(r: Rows) -> List[List[str]]:
    prod = r.prod
    n, threads = get(prod, ("one", "n")), get(prod, ("conc", "threads")) or "?"
    return [
        r.row(
            f"1 client p50 (ms, {n} turns)",
            ("one", "p50"),
            **at_most("p50_ms"),
        ),
        r.row(
            "1 client p95 (ms)",
            ("one", "p95"),
            **at_most("p95_ms"),
        ),
        r.row("1 client p99 (ms)", ("one", "p99")),
        r.row(
            "redaction per stored turn (ms, mean over the 1-client turns, timed in the Rasa "
            "server: vertebro_redaction_seconds)",
            ("one", "redaction_ms"),
            spec=".3f",
            compare=None,
            **at_most("redaction_ms"),
        ),
        r.row(
            "Rasa server CPU per turn, 1 client (ms; steadier than wall time on a busy machine)",
            ("one", "rasa_cpu_ms_per_turn"),
            compare=smaller,
        ),
        r.row(
            f"{threads} concurrent throughput (msg/s, {get(prod, ('conc', 'n'))} msgs)",
            ("conc", "rps"),
            compare=more,
            **at_least("conc_rps"),
        ),
        r.row(
            f"{threads} concurrent p95 (ms)",
            ("conc", "p95"),
            spec=".0f",
            **at_most("conc_p95_ms"),
        ),
        r.row("100-turn conversation: turns 1-10 median (ms)", ("growth", "first")),
        r.row("100-turn conversation: turns 91-100 median (ms)", ("growth", "last")),
        r.row(
            "growth: turns 91-100 / turns 1-10",
            ("growth", "ratio"),
            spec=".2f",
            unit="x",
            compare=None,
            **at_most("growth", "x"),
        ),
    ]


def other_rows(r: Rows) -> List[List[str]]:
    prod = r.prod
    return [
        r.row(
            "NLU intent accuracy (tests/nlu/test_nlu.yml)",
            ("nlu", "accuracy"),
            spec=".3f",
            compare=points,
        ),
        r.row(
            f"out-of-scope rate ({get(prod, ('oos', 'hits'))}/{get(prod, ('oos', 'n'))} prod)",
            ("oos", "rate_pct"),
            spec=".0f",
            unit="%",
            compare=lambda p, b: points(p, b, scale=1, spec="+.0f"),
        ),
        r.row(
            "start to ready: spawn until the webhook answers (s)",
            ("ready_s",),
            **at_most("ready_s"),
        ),
        r.row(
            "Rasa server peak RSS, VmHWM (MB)",
            ("memory", "hwm_mb"),
            spec=".0f",
            compare=smaller,
            **at_most("rss_mb"),
        ),
        r.row(
            "training time (s)",
            ("train", "train_seconds"),
            spec=".0f",
            **at_most("train_s"),
        ),
        r.row(
            "model size (bytes of .tar.gz)",
            ("model_bytes",),
            spec=",d",
            compare=lambda p, b: smaller(p, b, "smaller"),
        ),
    ]


def build_rows(
    prod: Dict[str, Any], base: Optional[Dict[str, Any]], shipped: Optional[Dict[str, Any]] = None
) -> List[List[str]]:
    """[metric, production, baseline, production vs baseline, (Rasa as shipped, production vs
    shipped,) target, PASS/FAIL]. Targets apply to production."""
    others = [base] + ([shipped] if shipped is not None else [])
    r = Rows(prod, others)
    speed = [
        r.speed_up(other, label) for other, label in zip(others, ["baseline", "Rasa as shipped"])
    ]
    return latency_rows(r) + speed + other_rows(r)


def header(shipped: bool) -> List[str]:
    cells = ["metric", "production", "baseline", "production vs baseline"]
    if shipped:
        cells += ["Rasa as shipped", "production vs shipped"]
    return cells + ["target (production)", "PASS/FAIL"]


def smoke_rows(rows: List[List[str]]) -> List[List[str]]:
    return [r for r in rows if not r[0].startswith(SMOKE_SKIPS)]


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
