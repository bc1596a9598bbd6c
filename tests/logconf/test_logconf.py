"""Server logs (logconf/, logging.yml): one JSON object a line at INFO, no identifier in any.

Two ways in: the action server in a child process, started exactly as scripts/run.sh starts it
(`python -m logconf rasa run actions`, so Rasa's and rasa-sdk's own logging set-up runs after
the launcher's), and the real logging.yml applied in this process. Both log records like the
ones the code logs, and records with identifiers in their arguments, traceback and `extra`
fields."""

import io
import json
import logging
import os
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest

import logconf

ROOT = Path(__file__).resolve().parents[2]
# What a patient might write, and the same identifiers as they might appear elsewhere.
PATIENT_TEXT = (
    "Hi my name is Margaret Olsen, DOB 03/14/1941, MRN 00482913, my cell is "
    "847-555-0199, email margaret.olsen@example.com"
)
IDENTIFIERS = [
    "Margaret",
    "Olsen",
    "03/14/1941",
    "00482913",
    "847-555-0199",
    "555-0199",
    "8475550199",
    "margaret.olsen@example.com",
]
FIELDS = ("level", "time", "logger", "message")


def log_like_the_code() -> None:
    """Records as the project and Rasa log them, and some that carry identifiers."""
    logging.getLogger("rasa.core.processor").info("Loading model models/vertebro.tar.gz...")
    logging.getLogger("rasa_sdk.executor").info("Registered function for 'action_contact'.")
    logging.getLogger().info("Rasa server is up and running.")  # rasa/core/run.py logs at root
    logging.getLogger("channels.sms").info("SMS: a sender opted out")
    logging.getLogger("channels.failures").error("%s: the turn failed (%s)", "rest", "TimeoutError")
    logging.getLogger("channels.ops").warning("not ready: %s", "tracker_store")
    logging.getLogger("storage.tracker_store").error(
        "Tracker store unavailable (%s); the turn is refused, not answered from memory.",
        "reading a conversation failed: OperationalError",
    )
    # Identifiers in the arguments (a string and a dict), in `extra`, in a traceback.
    logging.getLogger("channels.rest").warning(
        "unexpected message %r from %s", PATIENT_TEXT, {"From": "+18475550199"}
    )
    logging.getLogger("channels.kiosk").info("turn", extra={"user_text": PATIENT_TEXT})
    try:
        raise ValueError(PATIENT_TEXT)
    except ValueError:
        logging.getLogger("sanic.error").exception("Exception occurred while handling uri")
    # Below INFO: not written at all.
    logging.getLogger("rasa.core.processor").debug("Received user message '%s'", PATIENT_TEXT)


def check_lines(output: str, expect_at_least: int) -> list:
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) >= expect_at_least, output
    records = []
    for line in lines:
        record = json.loads(line)  # every line is one JSON object
        assert isinstance(record, dict), line
        for field in FIELDS:
            assert field in record, (field, line)
        datetime.fromisoformat(record["time"])
        for identifier in IDENTIFIERS:
            assert identifier not in line, (identifier, line)
        records.append(record)
    assert "Received user message" not in output  # DEBUG
    return records


# ---------------------------------------------------------------------------- as run.sh does
# An "actions package" for `rasa run actions`: rasa-sdk imports it after Rasa's and rasa-sdk's
# own logging set-up (coloredlogs, structlog, sanic levels), so what it logs goes through the
# logging exactly as the servers' records do; then it stops the server before it listens.
CHILD = textwrap.dedent("""
    import logging, warnings

    import structlog

    from tests.logconf.test_logconf import PATIENT_TEXT, log_like_the_code

    log_like_the_code()
    warnings.warn("a library warning with " + PATIENT_TEXT)
    structlog.get_logger().error("rest.message.received.timeout", text=PATIENT_TEXT)
    logging.getLogger("socketio.server").error("socket.io error for %s", PATIENT_TEXT)
    logging.getLogger("apscheduler.scheduler").error("job failed for %s", PATIENT_TEXT)
    raise SystemExit(0)
""")


@pytest.fixture(scope="module")
def launched(tmp_path_factory):
    """stdout and stderr of the action server started as scripts/run.sh starts it
    (`python -m logconf rasa run actions ...`), with CHILD as its actions."""
    package = tmp_path_factory.mktemp("launcher")
    (package / "logging_child_actions.py").write_text(CHILD, encoding="utf-8")
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join(
            [str(ROOT), str(package)]
            + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
        ),
        TF_CPP_MIN_LOG_LEVEL="3",
        RASA_TELEMETRY_ENABLED="false",
        SANIC_HOST="127.0.0.1",
    )
    for variable in ("LOG_LEVEL", "LOGGING_CONFIG", "FORCE_JSON_LOGGING"):
        env.pop(variable, None)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "logconf",
            "rasa",
            "run",
            "actions",
            "--actions",
            "logging_child_actions",
            "--port",
            str(free_port()),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_launched_server_writes_only_json_lines_without_identifiers(launched):
    assert launched.stdout == ""  # logs go to standard error; stdout stays the program's
    records = check_lines(launched.stderr, expect_at_least=12)
    loggers = {record["logger"] for record in records}
    # coloredlogs (installed by Rasa and rasa-sdk after the launcher) wrote nothing of its own,
    # and the loggers Rasa cuts off from the root (sanic, socketio, apscheduler) are JSON too.
    assert {
        "rasa.core.processor",
        "rasa_sdk.endpoint",
        "root",
        "channels.sms",
        "storage.tracker_store",
        "sanic.error",
        "py.warnings",
        "socketio.server",
        "apscheduler.scheduler",
    } <= loggers, loggers
    by_logger = {record["logger"]: record for record in records}
    assert by_logger["channels.sms"]["level"] == "INFO"
    assert by_logger["channels.sms"]["message"] == "SMS: a sender opted out"
    assert by_logger["channels.failures"]["message"] == "rest: the turn failed (TimeoutError)"
    assert "[PHONE]" in by_logger["channels.rest"]["message"]
    assert "[NAME]" in by_logger["channels.kiosk"]["user_text"]
    assert "[PHONE]" in by_logger["sanic.error"]["exc_info"]  # the traceback, redacted
    # Rasa's structlog events are rendered as JSON, and redacted like any message.
    structlog_events = [json.loads(r["message"]) for r in records if r["message"].startswith("{")]
    assert any(e.get("event") == "rest.message.received.timeout" for e in structlog_events)


# ---------------------------------------------------------------------------- logging.yml here
@pytest.fixture
def configured(monkeypatch):
    """logging.yml applied in this process, its handler writing to a buffer; the logging
    configuration of the test session restored afterwards."""
    monkeypatch.delenv("LOG_LEVEL", raising=False)
    monkeypatch.delenv("LOGGING_CONFIG", raising=False)
    config = logconf.load_config()
    root = logging.getLogger()
    names = list(config.get("loggers", {})) + ["channels", "storage"]
    saved = (
        root.level,
        list(root.handlers),
        {
            name: (
                logging.getLogger(name).level,
                list(logging.getLogger(name).handlers),
                logging.getLogger(name).propagate,
            )
            for name in names
        },
    )
    buffer = io.StringIO()
    logconf.configure(ROOT / "logging.yml")
    handlers = {h for name in [""] + names for h in logging.getLogger(name or None).handlers}
    for handler in handlers:
        handler.setStream(buffer)
    yield buffer
    logging.captureWarnings(False)
    root.setLevel(saved[0])
    root.handlers[:] = saved[1]
    for name, (level, handlers, propagate) in saved[2].items():
        logger = logging.getLogger(name)
        logger.setLevel(level)
        logger.handlers[:] = handlers
        logger.propagate = propagate


def test_the_real_config_file_writes_json_lines_without_identifiers(configured):
    log_like_the_code()
    records = check_lines(configured.getvalue(), expect_at_least=10)
    by_logger = {record["logger"]: record for record in records}
    assert by_logger["channels.ops"] == {
        **by_logger["channels.ops"],
        "level": "WARNING",
        "message": "not ready: tracker_store",
    }
    message = by_logger["channels.rest"]["message"]
    assert "[NAME]" in message and "[DATE]" in message and "[PHONE]" in message
    assert "[EMAIL]" in message and "[ID]" in message
    # The page's facts are not identifiers and stay readable in a log line too.
    logging.getLogger("channels.rest").info("answered: %s", "come 2 to 4 hours before")
    assert "come 2 to 4 hours before" in configured.getvalue()


def test_every_handler_of_the_config_file_redacts(configured):
    config = logconf.load_config()
    for name, handler in config["handlers"].items():
        assert "redact_identifiers" in handler.get("filters", []), name
        assert handler.get("formatter") == "json", name
    assert config["filters"]["redact_identifiers"]["()"] == "logconf.RedactIdentifiers"


def test_a_record_whose_redaction_fails_is_withheld(configured, monkeypatch):
    handler = logging.getLogger().handlers[0]
    redacting = next(f for f in handler.filters if isinstance(f, logconf.RedactIdentifiers))

    def broken(text):
        raise RuntimeError("redaction failed")

    monkeypatch.setattr(redacting, "redact", broken)
    logging.getLogger("channels.rest").error(
        "message %s", PATIENT_TEXT, extra={"user_text": PATIENT_TEXT}
    )
    (record,) = check_lines(configured.getvalue(), expect_at_least=1)
    assert record["message"] == record["user_text"] == logconf.WITHHELD


def test_log_level_follows_rasas_variable(configured, monkeypatch):
    monkeypatch.setenv("LOG_LEVEL", "WARNING")
    logconf.configure(ROOT / "logging.yml")
    assert logging.getLogger().level == logging.WARNING
