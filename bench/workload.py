"""What the bench sends: patient questions (bench/questions.yml) drawn with a fixed seed into
10-turn conversations, one 100-turn conversation, the out-of-scope set; and the loops that send
them (one client, N concurrent clients), collecting the client-side time of each turn."""

import random
import threading
import time
import uuid
from typing import Any, Dict, List, Optional

import yaml

from bench.common import BENCH, ROOT
from bench.serving import Client

OOS_FILE = ROOT / "tests" / "data" / "out_of_scope_questions.yml"


def load_questions() -> List[Dict[str, str]]:
    return yaml.safe_load((BENCH / "questions.yml").read_text())["questions"]


def oos_questions(smoke: bool) -> List[str]:
    questions = yaml.safe_load(OOS_FILE.read_text())["questions"]
    return questions[:3] if smoke else questions


def conversations(rng: random.Random, questions, count: int, turns: int) -> List[List[dict]]:
    return [rng.sample(questions, turns) for _ in range(count)]


def long_conversation(rng: random.Random, questions, turns: int = 100) -> List[dict]:
    """Turns 91-100 repeat turns 1-10 exactly, so the two medians compare the same questions."""
    first = rng.sample(questions, 10)
    middle = [rng.choice(questions) for _ in range(turns - 20)]
    return first + middle + first


def run_one_client(client: Client, convs, prefix: str) -> Dict[str, Any]:
    latencies, records, errors = [], [], 0
    for c, conv in enumerate(convs):
        sender = f"{prefix}-{c:03d}-{uuid.uuid4().hex[:6]}"
        for t, question in enumerate(conv):
            elapsed, _ = client.turn(sender, question["text"])
            if elapsed is None:
                errors += 1
                continue
            latencies.append(elapsed)
            records.append(
                {"sender": sender, "turn": t, "intent": question["intent"], "seconds": elapsed}
            )
    return {"latencies": latencies, "records": records, "errors": errors}


def run_conversation(client: Client, sender: str, conv: List[dict]) -> List[Optional[float]]:
    """One conversation's turns in order: the time of each (None: no reply)."""
    return [client.turn(sender, question["text"])[0] for question in conv]


def run_concurrent(url: str, plans: List[List[List[dict]]], prefix: str) -> Dict[str, Any]:
    threads = len(plans)
    barrier = threading.Barrier(threads + 1)
    latencies: List[List[float]] = [[] for _ in range(threads)]
    errors = [0] * threads

    def worker(k: int) -> None:
        client = Client(url)
        barrier.wait()
        for c, conv in enumerate(plans[k]):
            sender = f"{prefix}-{k:02d}-{c:02d}-{uuid.uuid4().hex[:6]}"
            for question in conv:
                elapsed, _ = client.turn(sender, question["text"])
                if elapsed is None:
                    errors[k] += 1
                else:
                    latencies[k].append(elapsed)

    pool = [threading.Thread(target=worker, args=(k,), daemon=True) for k in range(threads)]
    for thread in pool:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in pool:
        thread.join()
    wall = time.perf_counter() - started
    flat = [x for per in latencies for x in per]
    return {
        "latencies": flat,
        "wall": wall,
        "errors": sum(errors),
        "rps": len(flat) / wall if wall else float("nan"),
        "threads": threads,
    }


def warm_up(client: Client, rng: random.Random, questions, turns: int = 8) -> None:
    """A few turns over two senders before anything is measured."""
    for i, q in enumerate(rng.sample(questions, turns)):
        client.turn(f"warm-{i % 2}", q["text"])


def profile_workload(client, rng, questions, prefix, n_convs=30):
    """The profiler's short conversations: the latency of each answered turn."""
    lat = []
    for c, conv in enumerate(conversations(rng, questions, n_convs, 10)):
        sender = f"{prefix}-{c:03d}-{uuid.uuid4().hex[:6]}"
        for question in conv:
            elapsed, _ = client.turn(sender, question["text"])
            lat.append(elapsed)
    return [x for x in lat if x is not None]


def profile_long_run(client, rng, questions, prefix):
    """One long conversation: its sender and the latency of each turn."""
    sender = f"{prefix}-long-{uuid.uuid4().hex[:6]}"
    return sender, [client.turn(sender, q["text"])[0] for q in long_conversation(rng, questions)]
