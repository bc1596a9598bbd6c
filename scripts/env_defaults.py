"""The environment defaults of the project, from its one table: `.env.defaults`.

Python's reader of the table scripts/env.sh reads for the shell (same rules): KEY=value lines;
`#` comments and blank lines skipped; `${NAME}` in a value is NAME's value (the environment
given, else a line above) and `${PROJECT_DIR}` the checkout's folder; a value already in the
environment (not empty) wins. Standard library only (scripts/serve_web.py uses it).

    from scripts.env_defaults import default, with_defaults
    default("RASA_PORT")               # "5005"
    env = with_defaults(os.environ)    # a copy with every missing key set from the table
"""

import os
import re
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Tuple

PROJECT_DIR = Path(__file__).resolve().parent.parent
TABLE = PROJECT_DIR / ".env.defaults"
_REFERENCE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def read_table(path: Path = TABLE) -> List[Tuple[str, str]]:
    """(key, raw value) in the table's order."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition("=")
        if not sep or not _KEY.fullmatch(key):
            raise ValueError(f"{path.name}:{number}: not KEY=value: {line!r}")
        rows.append((key, value))
    return rows


def _expand(value: str, known: Mapping[str, str]) -> str:
    def lookup(match: "re.Match[str]") -> str:
        name = match.group(1)
        return str(PROJECT_DIR) if name == "PROJECT_DIR" else known.get(name, "")

    return _REFERENCE.sub(lookup, value)


def with_defaults(
    environ: Optional[Mapping[str, str]] = None, path: Path = TABLE
) -> Dict[str, str]:
    """A copy of `environ` (default: os.environ) with each key of the table that is missing or
    empty set from the table, references expanded against the values so far."""
    env = dict(os.environ if environ is None else environ)
    for key, value in read_table(path):
        if not env.get(key):
            env[key] = _expand(value, env)
    return env


def defaults(path: Path = TABLE) -> Dict[str, str]:
    """The table alone (references expanded within it), whatever the environment says."""
    return with_defaults({}, path)


def default(key: str) -> str:
    """One default, from the table alone."""
    return defaults()[key]


def tracker_db_url(environ: Optional[Mapping[str, str]] = None) -> str:
    """The tracker store the scripts (report, retention, forget) read: TRACKER_DB_URL, else
    the SQLite file TRACKER_DB (default from the table)."""
    env = with_defaults(environ)
    return env.get("TRACKER_DB_URL") or "sqlite:///" + env["TRACKER_DB"]
