"""tests/scale/load.py's MidLoadKill (no topology needed): the replica is killed only while
the load runs, once it reached its target; a load that ends first kills nothing."""

import threading
import time

from tests.scale.load import Counter, MidLoadKill


def load(counter, turns, pause=0.001):
    for _ in range(turns):
        counter()
        time.sleep(pause)


def test_the_kill_happens_once_the_target_is_reached_while_the_load_runs():
    counter, kills = Counter(), []
    counter.target = 50
    with MidLoadKill(counter, lambda: kills.append(counter.value)) as kill:
        load(counter, 200, pause=0.005)
    assert len(kills) == 1 and kill.killed_at is not None
    assert 50 <= kill.after_turns < 200


def test_a_load_that_ends_before_the_target_kills_nothing():
    counter, kills = Counter(), []
    counter.target = 500
    started = time.monotonic()
    with MidLoadKill(counter, lambda: kills.append(counter.value)) as kill:
        load(counter, 100)
    assert kills == [] and kill.killed_at is None
    assert time.monotonic() - started < 5  # no long wait for a target that never comes


def test_the_load_is_not_held_back_by_the_killer():
    counter = Counter()
    counter.target = 10
    gate = threading.Event()
    with MidLoadKill(counter, gate.set):
        load(counter, 20, pause=0.02)
        assert gate.wait(timeout=5)
