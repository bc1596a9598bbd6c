"""scripts/serve_web.py: what it serves, what it refuses, and its security headers."""

import http.client
import importlib.util
import json
import re
import socket
from urllib.parse import urlsplit

import pytest

from tests.e2e.servers import ROOT

spec = importlib.util.spec_from_file_location("serve_web", ROOT / "scripts" / "serve_web.py")
serve_web = importlib.util.module_from_spec(spec)
spec.loader.exec_module(serve_web)


def get(base: str, path: str, method: str = "GET"):
    """A raw request: the path is sent exactly as given (no client-side normalising)."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request(method, path)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


# --- configuration (no servers needed) -------------------------------------------------------


def test_defaults():
    settings = serve_web.Settings({})
    assert (settings.host, settings.port) == ("127.0.0.1", 8080)
    assert settings.rasa_url == "http://localhost:5005"
    assert (settings.idle_seconds, settings.warn_seconds) == (120, 20)
    assert serve_web.Settings({"RASA_PORT": "5011"}).rasa_url == "http://localhost:5011"


def test_config_js_is_json_in_a_frozen_object():
    settings = serve_web.Settings(
        {
            "RASA_URL": "https://assistant.example.org/",
            "KIOSK_IDLE_SECONDS": "90",
            "KIOSK_WARN_SECONDS": "15",
        }
    )
    text = settings.config_js().decode()
    config = json.loads(re.search(r"Object\.freeze\((.*)\);", text).group(1))
    assert config == {
        "rasaUrl": "https://assistant.example.org",
        "kioskIdleSeconds": 90,
        "kioskWarnSeconds": 15,
    }
    csp = settings.content_security_policy()
    assert "connect-src 'self' https://assistant.example.org wss://assistant.example.org" in csp


@pytest.mark.parametrize(
    "env",
    [
        {"RASA_URL": "javascript:alert(1)"},
        {"RASA_URL": "localhost:5005"},
        {"RASA_URL": "http://localhost:5005/api"},
        {"RASA_URL": "http://a.org/?x=1"},
        {"RASA_URL": "http://user:pw@a.org"},
        {"RASA_URL": "http://a.org';script-src *"},
        {"KIOSK_IDLE_SECONDS": "soon"},
        {"KIOSK_WARN_SECONDS": "0"},
        {"WEB_PORT": "-1"},
    ],
)
def test_bad_settings_are_refused(env):
    with pytest.raises(serve_web.ConfigError):
        serve_web.Settings(env)


def test_the_bundle_loses_its_google_fonts_imports():
    if not serve_web.WEBCHAT_BUNDLE.exists():
        pytest.fail("run `npm ci` in web/", pytrace=False)
    data, removed = serve_web.webchat_bundle()
    assert removed > 0
    assert b"fonts.googleapis.com" not in data
    assert b"fonts.gstatic.com" not in data


# --- the running server ----------------------------------------------------------------------


@pytest.mark.e2e
@pytest.mark.parametrize(
    "path,type_",
    [
        ("/", "text/html"),
        ("/kiosk/", "text/html"),
        ("/kiosk/kiosk.js", "text/javascript"),
        ("/kiosk/kiosk.css", "text/css"),
        ("/widget.js", "text/javascript"),
        ("/widget.css", "text/css"),
        ("/config.js", "text/javascript"),
        ("/vendor/rasa-webchat.js", "text/javascript"),
        ("/favicon.svg", "image/svg+xml"),
        ("/kiosk/?from=desk", "text/html"),
    ],
)
def test_pages_are_served_with_security_headers(web_servers, path, type_):
    status, headers, body = get(web_servers.web_url, path)
    assert status == 200 and body
    assert headers["content-type"].startswith(type_)
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    csp = dict(d.strip().split(" ", 1) for d in headers["content-security-policy"].split(";"))
    assert csp["default-src"] == "'none'"
    assert csp["script-src"] == "'self'"  # no inline script, no eval, no other host
    rasa = web_servers.url
    assert csp["connect-src"] == f"'self' {rasa} {rasa.replace('http://', 'ws://')}"
    assert csp["frame-ancestors"] == "'none'"
    assert "python" not in headers.get("server", "").lower()


@pytest.mark.e2e
def test_config_js_points_browsers_at_rasa(web_servers):
    _, headers, body = get(web_servers.web_url, "/config.js")
    config = json.loads(re.search(rb"Object\.freeze\((.*)\);", body).group(1))
    assert config == {"rasaUrl": web_servers.url, "kioskIdleSeconds": 4, "kioskWarnSeconds": 2}
    assert headers["cache-control"] == "no-store"


@pytest.mark.e2e
def test_pages_have_no_inline_script(web_servers):
    for path in ("/", "/kiosk/"):
        _, _, body = get(web_servers.web_url, path)
        html = body.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path
        assert not re.search(r"\son[a-z]+\s*=", html), path  # no onclick= etc.


@pytest.mark.e2e
@pytest.mark.parametrize(
    "path",
    [
        "/../etc/passwd",
        "/%2e%2e/etc/passwd",
        "/kiosk/../../etc/passwd",
        "/..%2f..%2fetc/passwd",
        "//etc/passwd",
        "/web/index.html",
        "/package.json",
        "/package-lock.json",
        "/node_modules/rasa-webchat/lib/index.js",
        "/node_modules/axe-core/axe.min.js",
        "/scripts/serve_web.py",
        "/.env",
        "/credentials.yml",
        "/vendor/",
        "/kiosk/kiosk",
        "/kiosk/../index.html",
        "/index.html/",
        "/nothing",
    ],
)
def test_everything_else_is_not_found(web_servers, path):
    status, headers, body = get(web_servers.web_url, path)
    assert status == 404, (path, status)
    assert b"root:" not in body and b"<a href" not in body
    assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.e2e
@pytest.mark.parametrize("path,location", [("/kiosk", "/kiosk/"), ("/index.html", "/")])
def test_short_paths_redirect(web_servers, path, location):
    status, headers, _ = get(web_servers.web_url, path)
    assert (status, headers["location"]) == (301, location)


@pytest.mark.e2e
@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "OPTIONS"])
def test_only_get_and_head(web_servers, method):
    status, headers, _ = get(web_servers.web_url, "/", method)
    assert status == 405
    assert headers["allow"] == "GET, HEAD"
    assert get(web_servers.web_url, "/", "HEAD")[0] == 200


@pytest.mark.e2e
def test_log_lines_are_json_without_client_address_or_query(web_servers):
    """One JSON object a line (logging.yml, as the Rasa servers): method, path and status of
    each request, never the client's address nor a query string, which could carry anything."""
    marker = "Margaret.Olsen.03141941"
    get(web_servers.web_url, f"/kiosk/?name={marker}")
    get(web_servers.web_url, f"/missing-{len(marker)}?dob={marker}")
    parts = urlsplit(web_servers.web_url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as raw:
        raw.sendall(f"GET /kiosk/?dob={marker} HTTP/1.1 extra\r\n\r\n".encode())
        raw.recv(4096)  # refused: a malformed request line (HTTP/0.9 style, no status line)
    lines = (web_servers.log_dir / "web.log").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    assert records and all({"level", "logger", "message", "time"} <= set(r) for r in records)
    messages = [r["message"] for r in records if r["logger"] == "serve_web"]
    assert "GET /kiosk/ 200" in messages
    assert f"GET /missing-{len(marker)} 404" in messages
    assert "request refused: 400" in messages
    assert not any(marker in line or "127.0.0.1 -" in line for line in lines)
