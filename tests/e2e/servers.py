"""The servers helper lives in scripts/servers.py (shared with bench/); the e2e tests import
these names from here."""

from scripts.servers import (
    MODEL,
    ROOT,
    TEST_SMS_SENDER_SECRET,
    TEST_TWILIO_AUTH_TOKEN,
    Servers,
    free_port,
    texts,
    wait_for,
)

__all__ = [
    "MODEL",
    "ROOT",
    "TEST_SMS_SENDER_SECRET",
    "TEST_TWILIO_AUTH_TOKEN",
    "Servers",
    "free_port",
    "texts",
    "wait_for",
]
