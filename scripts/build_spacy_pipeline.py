"""Build the project's own spaCy pipeline and install it into the virtualenv.

The official en_core_web_* pipelines cannot be downloaded here, so we start from
spacy.blank("en"), add a lookup lemmatizer (tables from spacy-lookups-data) and an
entity_ruler that marks blood-thinner names as MEDICATION, then package it as
`en_vertebro_nlp` so config.yml can load it by name from any working directory.

Usage: python scripts/build_spacy_pipeline.py
"""

import shutil
import subprocess
import sys
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build" / "spacy"
NAME = "vertebro_nlp"
VERSION = "1.0.0"
PATTERNS = ROOT / "data" / "spacy" / "medication_patterns.txt"


def medication_patterns():
    """One pattern per line in data/spacy/medication_patterns.txt: `canonical: spelling`."""
    patterns = []
    for line in PATTERNS.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        canonical, _, spelling = line.partition(":")
        spelling = spelling.strip() or canonical.strip()
        tokens = [{"LOWER": word} for word in spelling.lower().split()]
        patterns.append({"label": "medication", "pattern": tokens, "id": canonical.strip()})
    return patterns


def build():
    nlp = spacy.blank("en")
    nlp.meta["name"] = NAME
    nlp.meta["version"] = VERSION
    nlp.meta["description"] = "Blank English pipeline + lookup lemmatizer + medication ruler"
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    ruler = nlp.add_pipe("entity_ruler")
    nlp.initialize()  # loads the lemma tables; it also clears the ruler, so patterns go after
    ruler.add_patterns(medication_patterns())
    pipeline_dir = BUILD / "pipeline"
    shutil.rmtree(BUILD, ignore_errors=True)
    BUILD.mkdir(parents=True)
    nlp.to_disk(pipeline_dir)
    return pipeline_dir


def package(pipeline_dir):
    # spacy.cli.package's function, not its command line (typer 0.7 breaks on click 8.2+).
    from spacy.cli.package import package as spacy_package

    out = BUILD / "package"
    out.mkdir()
    spacy_package(
        pipeline_dir, out, name=NAME, version=VERSION, create_sdist=False, force=True, silent=True
    )
    pkg_dir = out / f"en_{NAME}-{VERSION}"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--force-reinstall",
            str(pkg_dir),
        ],
        check=True,
    )


if __name__ == "__main__":
    package(build())
    print(f"installed spaCy pipeline en_{NAME} {VERSION}")
