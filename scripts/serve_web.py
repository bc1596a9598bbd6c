#!/usr/bin/env python3
"""Serve the website demo page (with the chat widget) and the waiting-room kiosk page.

    http://<WEB_HOST>:<WEB_PORT>/           demo procedure page with the rasa-webchat widget
    http://<WEB_HOST>:<WEB_PORT>/kiosk/     full-screen kiosk page
    /config.js                              window.ASSISTANT_CONFIG, built from the environment
    /vendor/rasa-webchat.js                 web/node_modules/rasa-webchat/lib/index.js (npm ci)

Environment (all optional; defaults in .env.defaults, the project's one table of them):
    WEB_HOST            interface to listen on (0.0.0.0 for a kiosk elsewhere)
    WEB_PORT            port
    RASA_URL            Rasa's URL as the BROWSER reaches it (default http://localhost:$RASA_PORT).
                        Scheme, host and port only.
    KIOSK_IDLE_SECONDS  kiosk: no activity for this long shows "Are you still there?"
    KIOSK_WARN_SECONDS  kiosk: the warning waits this long, then the screen clears

Python standard library only. Only the files listed in ROUTES (plus web/*.css|js|...) are
served: anything else is a 404, there is no directory listing and no path is ever joined
from the request, so there is no path traversal. Every answer carries a strict
Content-Security-Policy (scripts from this server only, no inline script, connections only to
this server and Rasa).

The webchat bundle imports Google Fonts (`@import url(https://fonts.googleapis.com/...)`) in
the CSS it injects: a third-party request from a patient's browser. Those imports are removed
when the bundle is served (web/widget.css sets the font instead), and the CSP blocks any
other font or style host anyway (fonts: this server and data: only).
"""

import logging
import mimetypes
import re
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Dict, Optional, Tuple
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: scripts/ is sys.path[0], not the checkout

import logconf  # noqa: E402
from scripts.web_settings import ConfigError, Settings  # noqa: E402

WEB = ROOT / "web"
WEBCHAT_BUNDLE = WEB / "node_modules" / "rasa-webchat" / "lib" / "index.js"
GOOGLE_FONTS_IMPORT = re.compile(rb"@import url\(https://fonts\.googleapis\.com/[^)]*\);")
STATIC_SUFFIXES = {".html", ".css", ".js", ".svg", ".png", ".ico", ".woff2"}
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
}

logger = logging.getLogger("serve_web")


def webchat_bundle() -> Tuple[bytes, int]:
    """The bundle without its Google Fonts imports, and how many were removed."""
    data = WEBCHAT_BUNDLE.read_bytes()
    return GOOGLE_FONTS_IMPORT.subn(b"", data)


def static_routes() -> Dict[str, Path]:
    """URL path -> file, for the files under web/ that may be served (not node_modules)."""
    routes = {"/": WEB / "index.html", "/kiosk/": WEB / "kiosk" / "index.html"}
    for path in WEB.rglob("*"):
        relative = path.relative_to(WEB)
        if (
            path.is_file()
            and path.suffix in STATIC_SUFFIXES
            and relative.parts[0] not in ("node_modules",)
            and not any(part.startswith(".") for part in relative.parts)
        ):
            routes["/" + relative.as_posix()] = path
    return routes


def make_handler(settings: Settings) -> Callable[..., BaseHTTPRequestHandler]:
    csp = settings.content_security_policy()
    config_js = settings.config_js()
    routes = static_routes()
    redirects = {"/kiosk": "/kiosk/", "/index.html": "/", "/kiosk/index.html": "/kiosk/"}
    bundle_cache: Dict[str, object] = {}

    def load_bundle() -> Optional[bytes]:
        try:
            mtime = WEBCHAT_BUNDLE.stat().st_mtime
        except FileNotFoundError:
            return None
        if bundle_cache.get("mtime") != mtime:
            data, removed = webchat_bundle()
            if not removed:
                logger.warning(
                    "No Google Fonts import found in %s: check the bundle for "
                    "other third-party requests after an upgrade.",
                    WEBCHAT_BUNDLE,
                )
            bundle_cache.update(mtime=mtime, data=data)
        return bundle_cache["data"]  # type: ignore[return-value]

    class Handler(BaseHTTPRequestHandler):
        def version_string(self) -> str:
            return "assistant-web"

        protocol_version = "HTTP/1.1"

        def log_request(self, code="-", size="-") -> None:
            """One JSON line a request (logconf): method, path and status only. No client
            address (an IP address is an identifier under HIPAA) and no query string."""
            status = code.value if isinstance(code, HTTPStatus) else code
            path = urlsplit(getattr(self, "path", "") or "").path or "-"
            logger.info("%s %s %s", getattr(self, "command", None) or "-", path, status)

        def log_message(self, format: str, *args) -> None:  # noqa: A002
            # Errors (log_error("code %d, message %s", ...)): the status only. The message can
            # quote the raw request line, query string included.
            code = args[0] if args else "-"
            logger.warning("request refused: %s", int(code) if isinstance(code, int) else code)

        def security_headers(self) -> None:
            self.send_header("Content-Security-Policy", csp)
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Referrer-Policy", "no-referrer")
            self.send_header("X-Frame-Options", "DENY")
            self.send_header("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
            self.send_header("Cross-Origin-Opener-Policy", "same-origin")

        def reply(
            self,
            status: int,
            body: bytes,
            content_type: str,
            extra: Optional[Dict[str, str]] = None,
        ) -> None:
            self.send_response(status)
            self.security_headers()
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache")
            for key, value in (extra or {}).items():
                self.send_header(key, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def not_found(self) -> None:
            self.reply(HTTPStatus.NOT_FOUND, b"Not found\n", "text/plain; charset=utf-8")

        def do_GET(self) -> None:  # noqa: N802
            path = self.path.split("?", 1)[0].split("#", 1)[0]
            if path == "/config.js":
                self.reply(HTTPStatus.OK, config_js, TYPES[".js"], {"Cache-Control": "no-store"})
            elif path == "/vendor/rasa-webchat.js":
                data = load_bundle()
                if data is None:
                    logger.error("%s is missing: run `npm ci` in web/.", WEBCHAT_BUNDLE)
                    self.not_found()
                else:
                    self.reply(HTTPStatus.OK, data, TYPES[".js"])
            elif path in redirects:
                self.reply(
                    HTTPStatus.MOVED_PERMANENTLY,
                    b"",
                    "text/plain; charset=utf-8",
                    {"Location": redirects[path]},
                )
            elif path in routes:
                file = routes[path]
                try:
                    data = file.read_bytes()
                except OSError:
                    self.not_found()
                    return
                self.reply(
                    HTTPStatus.OK,
                    data,
                    TYPES.get(file.suffix)
                    or mimetypes.guess_type(file.name)[0]
                    or "application/octet-stream",
                )
            else:
                self.not_found()

        def do_HEAD(self) -> None:  # noqa: N802
            self.do_GET()

        def method_not_allowed(self) -> None:
            self.reply(
                HTTPStatus.METHOD_NOT_ALLOWED,
                b"Method not allowed\n",
                "text/plain; charset=utf-8",
                {"Allow": "GET, HEAD"},
            )

        do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = method_not_allowed

    return Handler


class WebServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """A handler's error as one log line with its traceback; socketserver's own prints the
        client's address to standard error as plain text."""
        logger.exception("error while handling a request")


def main() -> int:
    # The same JSON lines as the Rasa and action servers (logging.yml); no redaction filter:
    # no patient text reaches this server (the widget and kiosk talk to Rasa directly), and
    # its own lines hold no client address or query string (Handler.log_request).
    logconf.configure(redact=False)
    try:
        settings = Settings()
    except (ConfigError, ValueError) as error:
        print(f"serve_web.py: {error}", file=sys.stderr)
        return 2
    if not WEBCHAT_BUNDLE.exists():
        logger.warning(
            "%s is missing: the widget will not load. Run `npm ci` in web/.", WEBCHAT_BUNDLE
        )
    server = WebServer((settings.host, settings.port), make_handler(settings))
    shown_host = "localhost" if settings.host in ("127.0.0.1", "0.0.0.0", "") else settings.host
    logger.info(
        "Demo page: http://%s:%d/  kiosk: http://%s:%d/kiosk/  Rasa (browser): %s",
        shown_host,
        settings.port,
        shown_host,
        settings.port,
        settings.rasa_url,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
