"""Server logs for the hospital's IT team: one JSON object a line, never an identifier.

The format is `logging.yml` at the root of the project (a `logging.config.dictConfig`
dictionary): python-json-logger's `JsonFormatter` writes each record to standard error as

    {"level": "INFO", "logger": "rasa.core.run", "message": "Rasa server is up and running.",
     "time": "2026-05-04T09:12:03.123456+00:00"}

(plus any `extra` fields of the record, and `exc_info` with the traceback of an error). The
Rasa server and the action server that `make run` starts (scripts/run.sh) are started through
`python -m logconf`, which applies that file before Rasa starts (see logconf/__main__.py for
why Rasa's own `--logging-config-file` is not enough).

What must never be in a log line is the patient's text or phone number. The first line of
defence is the code: nothing logs a message's text or a sender's number at INFO or above (Rasa
3.6 logs text only at DEBUG; the project's channels log the hashed SMS sender at most, and
only at DEBUG; tests/logconf checks the channels). The second is `RedactIdentifiers`, a filter
on the handler: every record that is written has its message, its arguments, its traceback and
its string `extra` fields passed through storage/redaction.py, as the tracker store does
before a row is written, so a name, date, phone number, e-mail or street address, or record
number that reaches a log call anyway is written as [NAME], [DATE], [PHONE]...
"""

import logging
import logging.config
import os
from pathlib import Path
from typing import Any, Dict, Optional, Text, Union

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = ROOT / "logging.yml"
# The environment variable that names another dictConfig file (scripts/env.sh sets the default).
CONFIG_VARIABLE = "LOGGING_CONFIG"
# Written instead of a record whose redaction failed: the record is not written as it was.
WITHHELD = "[log message withheld: redaction failed]"

# Attributes every LogRecord has; any other attribute came from `extra=` (or a filter).
_STANDARD_ATTRIBUTES = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {
    "message",
    "asctime",
    "taskName",
}


class RedactIdentifiers(logging.Filter):
    """Replace identifiers in what a record will write with storage/redaction.py's placeholders.

    The message is formatted with its arguments first (`getMessage`), so an identifier in an
    argument of any type (a string, a dict, an object's repr) is found too; the record then
    carries the redacted text and no arguments. A traceback is formatted and redacted the same
    way (`exc_text`, written by every formatter). Never raises: if redaction fails, the
    message is withheld, not written as it was."""

    def __init__(self, name: Text = "") -> None:
        super().__init__(name)
        # Imported when the logging is configured, not on a first record: importing it logs
        # warnings (spaCy, pkg_resources), which would come back here half imported.
        from storage.redaction import redact

        self.redact = redact

    def filter(self, record: logging.LogRecord) -> bool:
        redact = self.redact
        try:
            record.msg = redact(record.getMessage())
            record.args = ()
            if record.exc_info:
                record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
                record.exc_info = None
            elif isinstance(record.exc_text, str):
                record.exc_text = redact(record.exc_text)
            if isinstance(record.stack_info, str):
                record.stack_info = redact(record.stack_info)
            for key, value in _extras(record):
                setattr(record, key, redact(value))
        except Exception:  # noqa: BLE001 - a log call must never fail, nor leak
            record.msg, record.args = WITHHELD, ()
            record.exc_info = record.exc_text = record.stack_info = None
            for key, _ in _extras(record):
                setattr(record, key, WITHHELD)
        return True


def _extras(record: logging.LogRecord):
    """(name, value) of the record's string attributes that came from `extra=`."""
    return [
        (key, value)
        for key, value in vars(record).items()
        if key not in _STANDARD_ATTRIBUTES and isinstance(value, str)
    ]


def config_path(path: Optional[Union[Text, Path]] = None) -> Path:
    """The dictConfig file: `path`, else $LOGGING_CONFIG, else logging.yml of the project."""
    chosen = Path(path or os.environ.get(CONFIG_VARIABLE) or DEFAULT_CONFIG)
    if chosen.is_absolute() or chosen.exists():
        return chosen
    return ROOT / chosen  # relative to the project, wherever the command runs


def load_config(path: Optional[Union[Text, Path]] = None) -> Dict[Text, Any]:
    import yaml

    with open(config_path(path), encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def configure(path: Optional[Union[Text, Path]] = None, redact: bool = True) -> Dict[Text, Any]:
    """Apply the dictConfig file (see `config_path`) and send Python warnings to the log.

    LOG_LEVEL (Rasa's variable, also read by `rasa run` for its own loggers) sets the root
    logger's level when it is set, so the project's loggers follow Rasa's; logging.yml says
    INFO otherwise. `redact=False` drops the redaction filter (and so the import of
    storage/redaction.py, presidio and spaCy): only for a process that never sees a patient's
    text, such as the web page server (scripts/serve_web.py). Returns the dictionary applied."""
    config = load_config(path)
    if not redact:
        config.pop("filters", None)
        for handler in config.get("handlers", {}).values():
            handler.pop("filters", None)
    level = os.environ.get("LOG_LEVEL")
    if level and isinstance(config.get("root"), dict):
        config["root"]["level"] = level.upper()
    logging.config.dictConfig(config)
    logging.captureWarnings(True)
    return config


def keep_coloredlogs_out() -> None:
    """`coloredlogs.install()` does nothing in this process. Rasa 3.6 and rasa-sdk call it after
    any logging configuration of their own (logconf/__main__.py tells why that matters)."""
    import coloredlogs

    coloredlogs.install = lambda *args, **kwargs: None


def install(path: Optional[Union[Text, Path]] = None) -> None:
    """Everything a process that then runs Rasa's command line needs, before Rasa is imported:
    `configure`, `keep_coloredlogs_out`, and Rasa's structlog events rendered as JSON
    (FORCE_JSON_LOGGING is read when rasa.utils.log_utils is imported)."""
    configure(path)
    keep_coloredlogs_out()
    os.environ.setdefault("FORCE_JSON_LOGGING", "1")


__all__ = [
    "RedactIdentifiers",
    "configure",
    "install",
    "keep_coloredlogs_out",
    "load_config",
    "config_path",
    "DEFAULT_CONFIG",
]
