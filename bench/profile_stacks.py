"""Reading py-spy's collapsed stacks ("a;b;c count", root first) for bench/profile_turns.py:
where a turn's samples go (zones of the server) and where the start-up time goes."""

from collections import defaultdict
from typing import Dict, Tuple

IDLE_FRAMES = ("serve (sanic/", "select (selectors", "_run_once (asyncio")


# Where a sample's time goes: the first zone (in this order) with a frame in the sample's stack.
# py-spy truncates very deep stacks (jsonschema recursion): those samples start inside jsonschema.
ZONES = [
    ("action server reply validation (jsonschema.validate in RemoteAction)", ("jsonschema/",)),
    ("action server HTTP call (aiohttp, payload JSON)", ("request (rasa/utils/endpoints.py",)),
    (
        "NLU: DIETClassifier (TensorFlow; the baseline)",
        ("rasa/nlu/classifiers/diet_classifier.py",),
    ),
    ("NLU: LinearIntentClassifier", ("components/intent_classifier.py",)),
    ("NLU: the other components + parse overhead", ("parse_message (rasa/core/processor.py",)),
    ("policies: RulePolicy", ("rasa/core/policies/rule_policy.py",)),
    ("policies: MemoizationPolicy", ("rasa/core/policies/memoization.py",)),
    ("policies: graph runner, ensemble", ("_predict_next_with_tracker (rasa/core/processor.py",)),
    ("tracker store retrieve: query + JSON + replay", ("_retrieve (rasa/core/tracker_store.py",)),
    ("tracker store save: count + insert + commit", ("save (rasa/core/tracker_store.py",)),
    ("SQLAlchemy, stack truncated", ("sqlalchemy/",)),
    (
        "running actions: tracker copy, events, responses",
        ("_run_action (rasa/core/processor.py", "run_action_extract_slots ("),
    ),
    (
        "session start / tracker bookkeeping",
        ("fetch_tracker_and_update_session (", "handle_message (rasa/core/processor.py"),
    ),
    (
        "REST channel, Sanic request handling",
        ("channels/rest.py", "sanic/http.py", "rasa/core/channels/"),
    ),
]
REPLAY = (
    "from_dict (rasa/shared/core/trackers.py",
    "past_states (rasa/shared/core/trackers.py",
    "copy (rasa/shared/core/trackers.py",
)
LOGGING = ("logging/__init__.py", "structlog/")


def collapsed_stacks(path):
    """(frames root first, sample count) for each line "a;b;c count" of a py-spy raw file."""
    for line in open(path):
        stack, _, count = line.rstrip("\n").rpartition(" ")
        if count.isdigit():
            yield stack.split(";"), int(count)


def aggregate_raw(path, cpu_ms_per_turn=None):
    """Collapsed stacks ("a;b;c count", root first) -> share of samples per zone, plus the
    share in tracker replays (from_dict/past_states/copy, wherever called) and in logging."""
    total = 0
    zones = defaultdict(int)
    extra = defaultdict(int)
    for frames, count in collapsed_stacks(path):
        total += count
        if frames[-1].startswith(IDLE_FRAMES):
            zone = "idle event loop"
        else:
            zone = next(
                (z for z, keys in ZONES if any(k in f for f in frames for k in keys)), "other"
            )
        zones[zone] += count
        for label, keys in (
            ("tracker replays (from_dict, past_states, copy)", REPLAY),
            ("logging calls", LOGGING),
            ("Event deserialisation (events.py)", ("rasa/shared/core/events.py",)),
            ("sqlite3 commit (fsync)", ("do_commit (sqlalchemy",)),
            ("TensorFlow", ("tensorflow/", "keras/")),
        ):
            if any(k in f for f in frames for k in keys):
                extra[label] += count

    def share(d):
        out = {}
        for key, value in sorted(d.items(), key=lambda kv: -kv[1]):
            pct_ = 100.0 * value / total
            out[key] = {"pct": round(pct_, 1)}
            if cpu_ms_per_turn:
                out[key]["ms_per_turn"] = round(pct_ * cpu_ms_per_turn / 100.0, 1)
        return out

    return {"samples": total, "zones": share(zones), "cross_cutting": share(extra)}


def startup_phases(path) -> Tuple[int, Dict[str, int]]:
    """(samples, samples per phase of `rasa run`) from a py-spy raw file of the start-up."""
    counts: Dict[str, int] = defaultdict(int)
    total = 0
    marks = [  # first match, outermost-first order of the phases of `rasa run`
        ("model load: TensorFlow DIET (load + warm-up predict)", "diet_classifier.py"),
        ("model load: spaCy pipeline", "spacy"),
        ("model load: unpack archive, graph, other components", "load_agent"),
        ("imports (rasa, tensorflow, sanic, ... before the server starts)", "<module>"),
    ]
    for frames, count in collapsed_stacks(path):
        total += count
        if frames[-1].startswith(IDLE_FRAMES):
            counts["idle after start (serving)"] += count
            continue
        label = "other"
        for name, key in marks:
            if any(key in f for f in frames):
                label = name
                break
        if label.startswith("imports") and any(
            "_load_and_run" in f or "serve_application" in f for f in frames
        ):
            label = "server set-up (channels, endpoints, tracker store)"
        counts[label] += count
    return total, counts
