"""The bench's models: build/bench/models/<name>.tar.gz, trained (and timed) only when the
config, the domain or the data changed."""

import hashlib
import json
import subprocess
import time
from pathlib import Path
from typing import Any, Dict

from bench.common import MODELS, RASA, ROOT, now_iso, rasa_env
from bench.machine import loadavg, machine


def training_key(config: Path) -> str:
    files = [config, ROOT / "domain.yml"]
    files += sorted(p for p in (ROOT / "data").rglob("*.yml") if p.is_file())
    files += sorted(p for p in (ROOT / "data" / "spacy").glob("*") if p.is_file())
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def reuse(name: str, model: Path, meta_path: Path, key: str, log):
    """The stored train JSON when the model was trained from the same inputs, else None."""
    if not (model.exists() and meta_path.exists()):
        return None
    meta = json.loads(meta_path.read_text())
    if meta.get("key") != key:
        return None
    meta.update(model=str(model), model_bytes=model.stat().st_size, reused=True)
    log(f"[{name}] model up to date (trained {meta['measured_at']}, {meta['train_seconds']:.0f} s)")
    return meta


def ensure_model(name: str, config: Path, log, out: Path = MODELS) -> Dict[str, Any]:
    """build/bench/models/<name>.tar.gz, trained only when the key changed; its train JSON."""
    out.mkdir(parents=True, exist_ok=True)
    model, meta_path = out / f"{name}.tar.gz", out / f"{name}.train.json"
    key = training_key(config)
    meta = reuse(name, model, meta_path, key, log)
    if meta is not None:
        return meta
    meta_path.unlink(missing_ok=True)
    log(f"[{name}] training from {config.relative_to(ROOT)} (inputs changed or no model) ...")
    # --force: Rasa's cache fingerprints the spaCy pipeline by name only. The training cache
    # is off (RASA_MAX_CACHE_SIZE=0) so the time is a full training and .rasa/ is not touched.
    cmd = [
        str(RASA),
        "train",
        "--config",
        str(config.relative_to(ROOT)),
        "--domain",
        "domain.yml",
        "--data",
        "data",
        "--fixed-model-name",
        name,
        "--out",
        str(out.relative_to(ROOT)),
        "--force",
    ]
    load_before = loadavg()
    started = time.monotonic()
    with open(out / f"{name}.train.log", "wb") as handle:
        result = subprocess.run(
            cmd,
            cwd=ROOT,
            env=rasa_env(RASA_MAX_CACHE_SIZE="0"),
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
    seconds = time.monotonic() - started
    if result.returncode != 0 or not model.exists():
        raise RuntimeError(f"training {name} failed; see {out / (name + '.train.log')}")
    meta = {
        "name": name,
        "key": key,
        "config": str(config.relative_to(ROOT)),
        "train_seconds": round(seconds, 1),
        "measured_at": now_iso(),
        "command": " ".join(cmd),
        "load_before": load_before,
        "load_after": loadavg(),
        "machine": {k: v for k, v in machine().items() if k in ("cores", "cpu", "rasa")},
    }
    meta_path.write_text(json.dumps(meta, indent=2) + "\n")
    meta.update(model=str(model), model_bytes=model.stat().st_size, reused=False)
    log(f"[{name}] trained in {seconds:.0f} s")
    return meta
