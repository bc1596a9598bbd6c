"""What the bench's modules share: paths, the seed, the environment of the Rasa commands it
runs, and the two numeric helpers (percentile, milliseconds)."""

import datetime
import os
import sys
from pathlib import Path
from typing import Dict, Sequence

from scripts.env_defaults import PROJECT_DIR, with_defaults

ROOT = PROJECT_DIR
BENCH = ROOT / "bench"
BUILD = ROOT / "build" / "bench"
MODELS = BUILD / "models"
SHIPPED_ENDPOINTS = BENCH / "endpoints_rasa_sql.yml"
RASA = Path(sys.executable).parent / "rasa"
SEED = 20251125


def rasa_env(**extra: str) -> Dict[str, str]:
    """The environment of `rasa train` / `rasa test nlu`: this one, with the project's defaults
    (.env.defaults: quieter tools ...) where it has none, and the checkout on PYTHONPATH."""
    return dict(with_defaults(os.environ), PYTHONPATH=str(ROOT), **extra)


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
