"""scripts/serve_web.py's settings, read from the environment (defaults in .env.defaults):
where it listens, the Rasa origin the browser talks to, the kiosk's idle times, and what they
make: /config.js and the Content-Security-Policy."""

import json
import re
from typing import Mapping, Optional
from urllib.parse import urlsplit

from scripts.env_defaults import with_defaults


class ConfigError(ValueError):
    pass


def positive_int(env: Mapping[str, str], name: str) -> int:
    raw = env.get(name, "").strip()
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, not {raw!r}") from None
    if value < 1:
        raise ConfigError(f"{name} must be at least 1")
    return value


def rasa_origin(url: str) -> str:
    """http(s)://host[:port], nothing else: the widget's socketUrl and the CSP need an origin."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"RASA_URL must look like http://host:port, not {url!r}")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise ConfigError(f"RASA_URL must be scheme://host[:port] only, not {url!r}")
    if not re.fullmatch(r"[A-Za-z0-9.\-:\[\]]+", parts.netloc):
        raise ConfigError(f"RASA_URL has an unexpected host: {url!r}")
    return f"{parts.scheme}://{parts.netloc}"


class Settings:
    def __init__(self, environ: Optional[Mapping[str, str]] = None):
        env = with_defaults(environ)
        self.host = env["WEB_HOST"]
        self.port = positive_int(env, "WEB_PORT")
        self.rasa_url = rasa_origin(env.get("RASA_URL") or f"http://localhost:{env['RASA_PORT']}")
        self.idle_seconds = positive_int(env, "KIOSK_IDLE_SECONDS")
        self.warn_seconds = positive_int(env, "KIOSK_WARN_SECONDS")

    def config_js(self) -> bytes:
        config = {
            "rasaUrl": self.rasa_url,
            "kioskIdleSeconds": self.idle_seconds,
            "kioskWarnSeconds": self.warn_seconds,
        }
        return (
            "// Made by scripts/serve_web.py from its environment.\n"
            f"window.ASSISTANT_CONFIG = Object.freeze({json.dumps(config)});\n"
        ).encode("utf-8")

    def content_security_policy(self) -> str:
        websocket = (
            "wss://" if self.rasa_url.startswith("https:") else "ws://"
        ) + self.rasa_url.split("://", 1)[1]
        return "; ".join(
            [
                "default-src 'none'",
                "script-src 'self'",
                # rasa-webchat injects its CSS as <style> elements at run time.
                "style-src 'self' 'unsafe-inline'",
                # rasa-webchat's icons are data: SVG images.
                "img-src 'self' data:",
                # The bundle's carousel CSS embeds its arrow font as data: (no request is made).
                "font-src 'self' data:",
                f"connect-src 'self' {self.rasa_url} {websocket}",
                "base-uri 'none'",
                "form-action 'none'",
                "frame-ancestors 'none'",
            ]
        )
