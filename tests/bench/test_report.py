"""bench/report.py: the results table: the columns, the ratios and the PASS/FAIL verdicts (the
measuring itself needs the servers: `make bench`, or `bench/run_bench.py --smoke`)."""

import pytest

from bench.common import ROOT
from bench.report import TARGETS, build_rows
from bench.report_doc import document


def result(p50, acc, rps=100.0, conc_p95=200.0, growth=1.1, hwm=800.0, redaction=0.2):
    return {
        "one": {
            "n": 300,
            "p50": p50,
            "p95": p50 * 1.5,
            "p99": p50 * 2,
            "rasa_cpu_ms_per_turn": p50 * 0.9,
            "redaction_ms": redaction,
        },
        "conc": {"threads": 16, "n": 640, "rps": rps, "p95": conc_p95},
        "growth": {"first": p50, "last": p50 * growth, "ratio": growth},
        "nlu": {"accuracy": acc},
        "oos": {"hits": 69, "n": 70, "rate_pct": 98.6, "misses": []},
        "ready_s": 8.0,
        "memory": {"hwm_mb": hwm},
        "train": {"train_seconds": 30.0},
        "model_bytes": 1000,
    }


def rows_by_metric(rows):
    return {row[0].split(" (")[0]: row for row in rows}


def test_three_columns_with_ratios_and_verdicts():
    rows = build_rows(result(5.0, 0.98), result(15.0, 0.97), result(20.0, 0.97))
    assert all(len(row) == 8 for row in rows)
    by = rows_by_metric(rows)
    p50 = by["1 client p50"]
    assert p50[1:] == ["5.0", "15.0", "3.00x faster", "20.0", "4.00x faster", "<= 12", "PASS"]
    speed = {row[0]: row for row in rows if row[0].startswith("speed-up")}
    assert [row[1] for row in speed.values()] == ["3.00x", "4.00x"]
    assert all(row[-1] == "PASS" for row in speed.values())
    assert by["16 concurrent throughput"][3] == "1.00x more"
    assert by["NLU intent accuracy"][3] == "+1.0 pts"


@pytest.mark.parametrize(
    "production,failing",
    [
        (result(13.0, 0.99), {"1 client p50"}),
        (result(5.0, 0.99, rps=79.0), {"16 concurrent throughput"}),
        (result(5.0, 0.99, conc_p95=251.0), {"16 concurrent p95"}),
        (result(5.0, 0.99, growth=1.3), {"growth: turns 91-100 / turns 1-10"}),
        (result(5.0, 0.99, hwm=901.0), {"Rasa server peak RSS, VmHWM"}),
        (result(5.0, 0.99, redaction=1.01), {"redaction per stored turn"}),
    ],
)
def test_each_target_fails_on_its_own(production, failing):
    rows = build_rows(production, result(40.0, 0.97))
    failed = {row[0].split(" (")[0] for row in rows if row[-1] == "FAIL"}
    assert failed == failing


def speed_up_verdict(production, baseline):
    [speed] = [row for row in build_rows(production, baseline) if row[0].startswith("speed-up")]
    return speed[1], speed[-1]


def test_speed_up_needs_accuracy_at_least_the_baselines():
    assert speed_up_verdict(result(5.0, 0.96), result(20.0, 0.97)) == ("4.00x", "FAIL")
    assert speed_up_verdict(result(5.0, 0.97), result(20.0, 0.97)) == ("4.00x", "PASS")


def test_speed_up_passes_from_its_target_on():
    """Production's p50 10 ms against a baseline exactly at, and just under, the target."""
    target = TARGETS["speedup"]
    at, under = result(10.0, 0.97), result(10.0 * target, 0.97)
    assert speed_up_verdict(at, under) == (f"{target:.2f}x", "PASS")
    assert speed_up_verdict(at, result(10.0 * target - 0.5, 0.97))[1] == "FAIL"
    assert speed_up_verdict(at, result(10.0 * target + 5.0, 0.97))[1] == "PASS"


def test_missing_numbers_are_reported_not_judged():
    production = result(5.0, 0.98)
    del production["conc"]
    by = rows_by_metric(build_rows(production, result(20.0, 0.97)))
    assert by["? concurrent p95"][1] == "n/a" and by["? concurrent p95"][-1] == "n/a"


def run_of(machine, foreign=(), load_mean=1.0):
    """A --smoke run's record (no growth, no training) on `machine`."""
    production = dict(
        result(5.0, 0.98),
        name="production",
        load_mean=1.0,
        model=str(ROOT / "models" / "vertebro.tar.gz"),
        log_dir=str(ROOT / "build" / "bench" / "runs" / "x"),
    )
    del production["growth"], production["train"]
    results = {"production": production}
    return {
        "smoke": True,
        "seed": 1,
        "budget_s": 600,
        "started_at": "now",
        "measuring_s": 40.0,
        "machine": machine,
        "load_start": (1.0, 1.0, 1.0),
        "load_end": (1.0, 1.0, 1.0),
        "load_samples": [load_mean],
        "load_mean": load_mean,
        "foreign": dict.fromkeys(foreign),
        "results": results,
    }


MACHINE = {
    "cores": 8,
    "nproc": 4,
    "cpu": "Some CPU 9000",
    "mem_gb": 31.2,
    "python": "3.10.13",
    "rasa": "3.6.21",
}


def test_the_report_gives_the_machine_as_measured():
    text = document(run_of(MACHINE, foreign=["123: pytest tests"]), [])
    assert "- 8 cores (os.cpu_count), nproc 4; CPU: Some CPU 9000; 31.2 GB RAM" in text
    assert "competed for the 8 cores, 4 usable while measuring" in text
    assert "measured: 1.00 (8 cores, 4 usable)" in text
    assert "2 cores" not in text


def test_a_quiet_machine_has_no_caveat():
    quiet = document(run_of(dict(MACHINE, nproc=8)), [])
    assert "Caveat" not in quiet and "(8 cores)" in quiet
    assert "Caveat" in document(run_of(MACHINE, load_mean=2.0), [])
