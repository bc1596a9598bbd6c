#!/usr/bin/env python
"""`rasa run` with timers around the per-turn work, for bench/profile_turns.py.

    python bench/instrumented_rasa.py run --model ... (same arguments as `rasa`)

Wraps (at import time, before Rasa starts) the graph nodes (each NLU component and policy), the
SQL tracker store's retrieve and save, tracker replays (DialogueStateTracker.from_dict, .copy,
.past_states), the action server HTTP call, and MessageProcessor.handle_message. Each REST turn
is one record: its total server time, the number of tracker events, and the time spent in each
wrapped function (exclusive of nothing: nested timers overlap, e.g. past_states runs inside the
policy nodes). Records go to $BENCH_PROFILE_OUT (JSON lines), flushed after every turn.
Only for profiling: the timers themselves cost a few microseconds per call.
"""

import contextvars
import functools
import json
import os
import sys
import time
from collections import defaultdict

_turn = contextvars.ContextVar("bench_turn", default=None)
_out = open(os.environ.get("BENCH_PROFILE_OUT", "profile-turns.jsonl"), "a", buffering=1)


def _timed(label_fn):
    """Decorator factory: add the elapsed time to the current turn under label_fn(args)."""

    def wrap(fn):
        if _is_coroutine(fn):

            @functools.wraps(fn)
            async def async_wrapper(*args, **kwargs):
                started = time.perf_counter()
                try:
                    return await fn(*args, **kwargs)
                finally:
                    _add(label_fn(args), time.perf_counter() - started)

            return async_wrapper

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                _add(label_fn(args), time.perf_counter() - started)

        return wrapper

    return wrap


def _is_coroutine(fn):
    import inspect

    return inspect.iscoroutinefunction(fn)


def _add(label, seconds):
    record = _turn.get()
    if record is not None:
        record["t"][label] += seconds
        record["n"][label] += 1


def install():
    from rasa.core.actions.action import RemoteAction
    from rasa.core.processor import MessageProcessor
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.engine.graph import GraphNode
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.utils.endpoints import EndpointConfig

    def node_label(args):
        node = args[0]
        return f"node:{node._node_name}"

    GraphNode.__call__ = _timed(node_label)(GraphNode.__call__)
    SQLTrackerStore._retrieve = _timed(lambda a: "store.retrieve (query+json+replay)")(
        SQLTrackerStore._retrieve
    )
    SQLTrackerStore.save = _timed(lambda a: "store.save (count+insert+commit)")(
        SQLTrackerStore.save
    )
    DialogueStateTracker.from_dict = classmethod(
        _timed(lambda a: "tracker.from_dict (replay)")(DialogueStateTracker.from_dict.__func__)
    )
    DialogueStateTracker.copy = _timed(lambda a: "tracker.copy (replay)")(DialogueStateTracker.copy)
    DialogueStateTracker.past_states = _timed(lambda a: "tracker.past_states")(
        DialogueStateTracker.past_states
    )
    DialogueStateTracker.current_state = _timed(lambda a: "tracker.current_state (serialise)")(
        DialogueStateTracker.current_state
    )
    RemoteAction.run = _timed(lambda a: f"remote_action:{a[0].name()}")(RemoteAction.run)
    EndpointConfig.request = _timed(lambda a: "action_server.http")(EndpointConfig.request)
    MessageProcessor.parse_message = _timed(lambda a: "processor.parse_message (NLU)")(
        MessageProcessor.parse_message
    )
    MessageProcessor._predict_next_with_tracker = _timed(lambda a: "processor.predict (policies)")(
        MessageProcessor._predict_next_with_tracker
    )
    MessageProcessor._run_action = _timed(lambda a: "processor.run_action")(
        MessageProcessor._run_action
    )
    timed_save = _timed(lambda a: "processor.save_tracker")(MessageProcessor.save_tracker)

    async def save_tracker(self, tracker):
        record = _turn.get()
        if record is not None:
            record["events"] = len(tracker.events)
        return await timed_save(self, tracker)

    MessageProcessor.save_tracker = save_tracker
    MessageProcessor.fetch_tracker_and_update_session = _timed(
        lambda a: "processor.fetch_tracker_and_update_session"
    )(MessageProcessor.fetch_tracker_and_update_session)

    original = MessageProcessor.handle_message

    @functools.wraps(original)
    async def handle_message(self, message):
        record = {
            "sender": message.sender_id,
            "text": message.text,
            "t": defaultdict(float),
            "n": defaultdict(int),
        }
        token = _turn.set(record)
        started = time.perf_counter()
        try:
            return await original(self, message)
        finally:
            record["total"] = time.perf_counter() - started
            _turn.reset(token)
            _out.write(json.dumps(record) + "\n")

    MessageProcessor.handle_message = handle_message


if __name__ == "__main__":
    from vertebro import rasa_patches

    rasa_patches.apply()  # as `python -m vertebro` does: the production server is profiled
    install()
    from rasa.__main__ import main

    sys.argv[0] = "rasa"
    main()
