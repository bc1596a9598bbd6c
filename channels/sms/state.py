"""Pending numbered choices and the opt-out flag per conversation, in this process's memory:
for tests, and the fallback when the tracker store has no SQL database (the server uses
storage/sms_state.py, which every replica sees)."""

from collections import OrderedDict
from typing import Any, Dict, List, Text

from channels import rate_limit

# Conversations whose pending choices / opt-out flag are kept in memory.
MAX_CONVERSATIONS = 10_000


class ConversationStore:
    """Pending numbered choices and the opt-out flag, per conversation id (the HMAC, never the
    phone number), for at most `max_size` conversations; the least recently used go first.

    In memory, in this process: for tests, and the fallback when the tracker store has no SQL
    database (the server uses storage/sms_state.py). All access happens on the event loop
    thread, so no lock is needed.
    """

    def __init__(self, max_size: int = MAX_CONVERSATIONS) -> None:
        self.max_size = max_size
        self._entries: "OrderedDict[Text, Dict[Text, Any]]" = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, sender_id: Text) -> bool:
        return sender_id in self._entries

    def _peek(self, sender_id: Text) -> Dict[Text, Any]:
        entry = self._entries.get(sender_id)
        if entry is not None:
            self._entries.move_to_end(sender_id)
        return entry or {}

    def _entry(self, sender_id: Text) -> Dict[Text, Any]:
        entry = self._entries.get(sender_id)
        if entry is None:
            entry = self._entries[sender_id] = {"choices": [], "opted_out": False}
            while len(self._entries) > self.max_size:
                self._entries.popitem(last=False)
        else:
            self._entries.move_to_end(sender_id)
        return entry

    def choices(self, sender_id: Text) -> List[Text]:
        return list(self._peek(sender_id).get("choices", []))

    def set_choices(self, sender_id: Text, payloads: List[Text]) -> None:
        if payloads or sender_id in self._entries:
            self._entry(sender_id)["choices"] = list(payloads)

    def is_opted_out(self, sender_id: Text) -> bool:
        return bool(self._peek(sender_id).get("opted_out"))

    def check_rate(self, sender_id: Text, limiter: rate_limit.RateLimiter) -> rate_limit.Decision:
        return limiter.check(sender_id)

    def set_opted_out(self, sender_id: Text, opted_out: bool) -> None:
        entry = self._entry(sender_id)
        entry["opted_out"] = opted_out
        entry["choices"] = []
