"""The conversation id of an SMS sender: never the phone number itself."""

import hashlib
import hmac
from typing import Text

SENDER_ID_HEX_CHARS = 32


def hash_sender(phone_number: Text, secret: Text) -> Text:
    """The conversation id for a phone number: "sms-" + HMAC-SHA256(secret, number), 32 hex.

    Keyed, so the id cannot be reversed by hashing all phone numbers without the secret.
    """
    digest = hmac.new(
        secret.encode("utf-8"), phone_number.strip().encode("utf-8"), hashlib.sha256
    ).hexdigest()
    return "sms-" + digest[:SENDER_ID_HEX_CHARS]
