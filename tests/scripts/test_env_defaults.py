""".env.defaults, the one table of environment defaults: its Python reader
(scripts/env_defaults.py) and its shell reader (scripts/env.sh) give the same values, the
environment and .env win over it, and the code with a built-in fallback agrees with it."""

import shutil
import subprocess

import pytest

from scripts import env_defaults
from scripts.env_defaults import PROJECT_DIR, default, defaults, read_table, with_defaults


def shell_env(tmp_path, environ):
    """The environment scripts/env.sh exports, run in a copy of the checkout's files."""
    for name in (".env.defaults", ".env.example"):
        shutil.copy(PROJECT_DIR / name, tmp_path / name)
    (tmp_path / "scripts").mkdir()
    shutil.copy(PROJECT_DIR / "scripts" / "env.sh", tmp_path / "scripts" / "env.sh")
    out = subprocess.run(
        ["bash", "-c", "source scripts/env.sh >/dev/null && env -0"],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", **environ},
        check=True,
        capture_output=True,
    ).stdout
    return dict(item.split("=", 1) for item in out.decode().split("\0") if "=" in item)


def test_the_shell_and_python_read_the_table_alike(tmp_path):
    shell = shell_env(tmp_path, {})
    table = with_defaults({}, tmp_path / ".env.defaults")
    for key in ("TRACKER_DB", "LOGGING_CONFIG"):  # ${PROJECT_DIR}: the shell ran in tmp_path
        table[key] = table[key].replace(str(PROJECT_DIR), str(tmp_path))
    assert {key: shell.get(key) for key in table} == table


def test_the_environment_wins_and_references_follow_it(tmp_path):
    environ = {"RASA_PORT": "6000", "RATE_LIMIT_BURST": "", "CORS_ORIGINS": "https://a.org"}
    shell = shell_env(tmp_path, environ)
    python = with_defaults(environ)
    for env in (shell, python):
        assert env["RASA_PORT"] == "6000"
        assert env["SMS_WEBHOOK_URL"] == "http://localhost:6000/webhooks/sms/webhook"
        assert env["RATE_LIMIT_BURST"] == default("RATE_LIMIT_BURST")  # empty counts as unset
        assert env["CORS_ORIGINS"] == "https://a.org"


def test_dot_env_wins_over_the_table(tmp_path):
    (tmp_path / ".env").write_text("ACTION_PORT=7000\n")
    shell = shell_env(tmp_path, {})
    assert shell["ACTION_PORT"] == "7000"
    assert shell["ACTION_ENDPOINT_URL"] == "http://localhost:7000/webhook"


def test_project_dir_is_the_checkout():
    assert defaults()["TRACKER_DB"] == f"{PROJECT_DIR}/var/tracker.db"
    assert env_defaults.tracker_db_url({"TRACKER_DB": "/x.db"}) == "sqlite:////x.db"
    assert env_defaults.tracker_db_url({"TRACKER_DB_URL": "postgresql://h/d"}) == "postgresql://h/d"


def test_a_malformed_line_is_refused(tmp_path):
    (tmp_path / "t").write_text("# fine\nA=1\nnot a line\n")
    with pytest.raises(ValueError, match="t:3"):
        read_table(tmp_path / "t")


def test_each_key_is_in_the_table_once():
    keys = [key for key, _ in read_table()]
    assert len(keys) == len(set(keys))


def test_dot_env_example_sets_no_default():
    """Every default is in the table; .env.example (copied into .env) only shows overrides,
    commented out, so a changed default is not pinned by an old copy."""
    lines = (PROJECT_DIR / ".env.example").read_text().splitlines()
    assert all(not line.strip() or line.startswith("#") for line in lines)


def test_built_in_fallbacks_agree_with_the_table(monkeypatch):
    from channels import rate_limit, socketio_channel, validation

    assert validation.DEFAULT_MAX_BODY_BYTES == int(default("MAX_BODY_BYTES"))
    assert rate_limit.DEFAULT_PER_MINUTE == float(default("RATE_LIMIT_PER_MINUTE"))
    assert rate_limit.DEFAULT_BURST == int(default("RATE_LIMIT_BURST"))
    for name in ("WEB_PORT", "CORS_ORIGINS"):
        monkeypatch.delenv(name, raising=False)
    assert socketio_channel.allowed_origins() == [default("CORS_ORIGINS")]


def test_the_makefile_reads_the_table():
    makefile = (PROJECT_DIR / "Makefile").read_text()
    assert ".env.defaults" in makefile
    for key, value in read_table():
        assert f"{key} := {value}" not in makefile and f"{key}={value}" not in makefile
