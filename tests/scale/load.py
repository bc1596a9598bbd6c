"""Conversations through nginx and their check against the events stored in PostgreSQL."""

import re
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html import unescape
from typing import List, Optional

import psycopg2
import requests
from twilio.request_validator import RequestValidator

from channels.failures import UNAVAILABLE_STATUS, failure_text, unavailable_text

# Questions with known answers (tests/e2e/test_rest.py); each conversation starts at another one.
QUESTIONS = [
    "How long is recovery?",
    "can i go home the same day",
    "what is a vertebroplasty?",
    "who does the procedure",
    "wen do i need 2 get there",
    "why do i have to come so early",
    "do i need more scans before",
    "how long does the procedure take",
    "will i be asleep during it",
    "how will i be lying on the table",
    "how big is the cut",
    "how long for the cement to harden",
    "what happens at the very end",
    "when will i feel better",
    "do i have a follow up appointment",
]
# A turn whose answer names this conversation's own medicine (a custom action, via the action
# server): an answer from another conversation's tracker would name another one.
MEDICINES = [
    ("eliquis", "Eliquis"),
    ("coumadin", "Warfarin"),
    ("plavix", "Plavix"),
    ("xarelto", "Xarelto"),
    ("aspirin", "Aspirin"),
]
REQUEST_TIMEOUT = 90  # above nginx's proxy_read_timeout: a hang shows as a failure, not forever
# Pause before sending a turn again after a 502. The dead replica left its lock ticket in Redis;
# Rasa 3.6's waiter polls once a second and, if its own ticket expires in the same step as the
# stale one ahead of it, it waits on an empty lock until the client gives up (nginx: 504 after
# 60 s). Sending again 2 s later puts both expiries more than one polling step apart.
RETRY_PAUSE = 2.0


@dataclass
class Turn:
    text: str
    sent_at: float = 0.0
    status: Optional[int] = None
    replies: List[dict] = field(default_factory=list)
    retried: bool = False
    error: Optional[str] = None

    @property
    def failed(self) -> bool:
        """Answered with the channel's apology (the turn did not go through)."""
        return any(m.get("text") == failure_text() for m in self.replies)

    @property
    def refused(self) -> bool:
        """503 with the apology and the phone line: a backing service was unavailable."""
        return self.status == UNAVAILABLE_STATUS and [m.get("text") for m in self.replies] == [
            unavailable_text()
        ]

    @property
    def answered(self) -> bool:
        return (
            self.status == 200
            and not self.failed
            and any((m.get("text") or "").strip() for m in self.replies)
        )

    def bot_texts(self) -> List[Optional[str]]:
        return [m.get("text") for m in self.replies if m.get("text") != failure_text()]


@dataclass
class Conversation:
    sender: str
    medicine: tuple
    turns: List[Turn] = field(default_factory=list)


def new_conversations(prefix: str, count: int) -> List[Conversation]:
    run = uuid.uuid4().hex[:8]
    return [
        Conversation(f"{prefix}-{run}-{i:03d}", MEDICINES[i % len(MEDICINES)]) for i in range(count)
    ]


def script(conversation: Conversation, index: int, turns: int) -> List[str]:
    texts = [QUESTIONS[(index + k) % len(QUESTIONS)] for k in range(turns)]
    texts[turns // 2] = f"i take {conversation.medicine[0]}, do i need to stop it?"
    return texts


def post(url: str, sender: str, text: str, timeout: float = REQUEST_TIMEOUT) -> requests.Response:
    return requests.post(
        url + "/webhooks/rest/webhook",
        json={"sender": sender, "message": text},
        headers={"X-Conversation-Id": sender},
        timeout=timeout,
    )


def send_turn(
    url: str,
    conversation: Conversation,
    text: str,
    retry: bool = True,
    timeout: float = REQUEST_TIMEOUT,
) -> Turn:
    """One turn. On a 502 or a connection error (the replica holding the request died) the
    turn is sent once more, if `retry`."""
    turn = Turn(text, sent_at=time.monotonic())
    for attempt in (1, 2):
        try:
            response = post(url, conversation.sender, text, timeout)
            turn.status = response.status_code
            if response.status_code == 502 and retry and attempt == 1:
                turn.retried = True
                time.sleep(RETRY_PAUSE)
                continue
            try:
                turn.replies = (
                    response.json() if response.status_code in (200, UNAVAILABLE_STATUS) else []
                )
            except ValueError:
                turn.error = "not JSON"
            break
        except requests.ConnectionError as error:
            turn.error = type(error).__name__
            if retry and attempt == 1:
                turn.retried = True
                time.sleep(RETRY_PAUSE)
                continue
            break
        except requests.Timeout:
            turn.error = "timeout"
            break
    conversation.turns.append(turn)
    return turn


def run_load(
    url: str, conversations: List[Conversation], turns: int, on_turn=None, pause: float = 0.0
) -> None:
    """Every conversation in its own thread, its turns one after the other."""

    def one(index_conversation):
        index, conversation = index_conversation
        for text in script(conversation, index, turns):
            send_turn(url, conversation, text)
            if on_turn:
                on_turn()
            if pause:
                time.sleep(pause)

    with ThreadPoolExecutor(max_workers=len(conversations)) as pool:
        list(pool.map(one, enumerate(conversations)))


class Counter:
    def __init__(self):
        self.value = 0
        self.lock = threading.Lock()
        self.reached = threading.Event()
        self.target = None

    def __call__(self):
        with self.lock:
            self.value += 1
            if self.target is not None and self.value >= self.target:
                self.reached.set()


class MidLoadKill:
    """Calls `kill` when `counter` reaches its target while the load still runs, and never
    once the load has ended (a kill after the load tests no request in flight): `killed_at`
    stays None then, and the test must fail."""

    def __init__(self, counter: Counter, kill):
        self.counter, self.kill = counter, kill
        self.load_ended = threading.Event()
        self.killed_at: Optional[float] = None
        self.after_turns: Optional[int] = None
        self.thread = threading.Thread(target=self._wait_and_kill, daemon=True)

    def _wait_and_kill(self) -> None:
        while not self.counter.reached.wait(timeout=0.2):
            if self.load_ended.is_set():
                return
        if self.load_ended.is_set():  # reached by the very last turns: nothing left in flight
            return
        self.after_turns = self.counter.value
        self.killed_at = time.monotonic()
        self.kill()

    def __enter__(self) -> "MidLoadKill":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.load_ended.set()
        self.thread.join()


def stored_turns(env: dict, sender: str) -> List[dict]:
    """The conversation's user messages with the bot messages after each, in stored order."""
    with psycopg2.connect(
        host=env["PG_HOST"],
        port=env["PG_PORT"],
        dbname=env["PG_DB"],
        user=env["PG_USER"],
        password=env["PG_PASSWORD"],
    ) as db:
        with db.cursor() as cursor:
            cursor.execute(
                "SELECT type_name, data FROM events WHERE sender_id = %s "
                "AND type_name IN ('user', 'bot') ORDER BY id",
                (sender,),
            )
            rows = cursor.fetchall()
    import json

    turns: List[dict] = []
    for type_name, data in rows:
        event = json.loads(data)
        if type_name == "user":
            turns.append({"text": event.get("text"), "bot": []})
        elif turns:
            turns[-1]["bot"].append(event.get("text"))
        else:
            turns.append({"text": None, "bot": [event.get("text")]})
    return turns


@dataclass
class Check:
    events_checked: int = 0
    events_lost: int = 0
    duplicates: int = 0
    problems: List[str] = field(default_factory=list)


def align(turns: List[Turn], stored: List[dict]):
    """Best alignment of the sent turns with the stored ones (edit distance): a turn may match a
    stored turn with the same text; a turn sent again after a 502 may match two in a row. Costs:
    an answered turn left unmatched (lost) 1, a stored turn left unmatched (never sent) 1, a
    failed or unanswered turn left unmatched 0 (it may or may not have been stored).
    Returns [(turn index, [stored indexes])]."""
    n, m = len(turns), len(stored)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    step = [[None] * (m + 1) for _ in range(n + 1)]
    cost[n][m] = 0
    for i in range(n, -1, -1):
        for j in range(m, -1, -1):
            if i == n and j == m:
                continue
            options = []
            if i < n:
                options.append((cost[i + 1][j] + (1 if turns[i].answered else 0), "skip_turn"))
            if j < m:
                options.append((cost[i][j + 1] + 1, "skip_stored"))
            if i < n and j < m and stored[j]["text"] == turns[i].text:
                options.append((cost[i + 1][j + 1], "match"))
                if turns[i].retried and j + 1 < m and stored[j + 1]["text"] == turns[i].text:
                    options.append((cost[i + 1][j + 2], "match2"))
            cost[i][j], step[i][j] = min(options, key=lambda o: o[0])
    pairs, i, j = [], 0, 0
    while (i, j) != (n, m):
        how = step[i][j]
        if how == "skip_turn":
            pairs.append((i, []))
            i += 1
        elif how == "skip_stored":
            pairs.append((None, [j]))
            j += 1
        elif how == "match":
            pairs.append((i, [j]))
            i, j = i + 1, j + 1
        else:
            pairs.append((i, [j, j + 1]))
            i, j = i + 1, j + 2
    return pairs


def check_conversation(env: dict, conversation: Conversation, check: Check) -> None:
    """Stored events against what was sent and answered, in order.

    An answered turn must be stored exactly once (user event + the same bot texts, in order);
    a turn that failed cleanly (apology) may or may not be stored; a turn sent again after a 502
    may be stored twice (the dead replica stored it just before dying): counted, not hidden.
    """
    sender = conversation.sender
    stored = stored_turns(env, sender)
    for number, turn in enumerate(conversation.turns):
        for message in turn.replies:
            if message.get("recipient_id") != sender:
                check.problems.append(
                    f"{sender} turn {number}: reply for {message.get('recipient_id')}"
                )
    for number, indexes in align(conversation.turns, stored):
        if number is None:
            check.problems.append(
                f"{sender}: stored turn {stored[indexes[0]]['text']!r} that was never sent"
            )
            continue
        turn = conversation.turns[number]
        if not indexes:
            if turn.answered:
                check.events_lost += 1 + len(turn.bot_texts())
                check.problems.append(
                    f"{sender} turn {number} ({turn.text!r}) answered but not stored"
                )
            continue
        if len(indexes) == 2:
            check.duplicates += 1
        got = stored[indexes[-1]]["bot"]
        if turn.answered and got != turn.bot_texts():
            check.events_lost += max(0, len(turn.bot_texts()) - len(got))
            check.problems.append(
                f"{sender} turn {number}: stored bot texts {got} != answered {turn.bot_texts()}"
            )
        check.events_checked += 1 + len(got)


def sms_to(topology, port, number, text):
    """A signed Twilio webhook straight to one replica; the <Message> bodies of its reply."""
    url = topology.env["SMS_WEBHOOK_URL"]  # the URL every replica checks signatures against
    params = {"From": number, "Body": text, "MessageSid": "SM" + uuid.uuid4().hex}
    signature = RequestValidator(topology.env["TWILIO_AUTH_TOKEN"]).compute_signature(url, params)
    reply = requests.post(
        f"http://127.0.0.1:{port}/webhooks/sms/webhook",
        data=params,
        headers={"X-Twilio-Signature": signature},
        timeout=30,
    )
    assert reply.status_code == 200, reply.text
    return [unescape(b) for b in re.findall(r"<Message>(.*?)</Message>", reply.text, re.S)]
