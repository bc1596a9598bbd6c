"""Every change this project makes to the internals of Rasa 3.6.21 and its libraries, in one place.

`apply()` makes them all, once, and is called from one explicit place: the project's entry
point `python -m vertebro <rasa command>` (vertebro/__main__.py), which every script and the
Makefile use instead of `rasa` (and the in-process tests call it from tests/helpers.py). It
refuses to run on other versions than the ones the patches were written against
(`WRITTEN_FOR`): each one replaces a private function whose behaviour must be re-read before
the patch is trusted on another release.

| # | replaces | why | measured / tested |
|---|---|---|---|
| 1 | `RemoteAction._validate_action_result` | Rasa validates every action-server reply with `jsonschema.validate`, which first checks the schema itself against the meta-schema on every call; the patch builds the validator once (same checks, same error) | ~1/3 of the server's CPU per turn, bench/profile.md; tests/vertebro/test_rasa_patches.py |
| 2 | `Event.resolve_by_type` | walks the whole Event class tree for each stored event on every read; the patch remembers the class per type name | ~4% of CPU per turn, bench/profile.md |
| 3 | `DaskGraphRunner.run` | recomputes the sub-graph, rebuilds and re-orders the dask graph 3-4 times a turn; the patch runs the same nodes in the same order from a plan made once per target set | bench/profile.md |
| 4 | `rasa.core.agent.FailSafeTrackerStore` | Rasa's wrapper answers from an empty in-memory tracker when the database fails, and the turn is lost; the patch makes the Agent wrap the store in `storage.tracker_store.FailClosedTrackerStore`, which refuses the turn instead (the channels apologise with the line) | 314 events lost in a 5 s PostgreSQL outage without it, tests/scale |
| 5 | `engineio.AsyncServer._cors_headers` | with the widget's allowed origins set (channels/socketio_channel.py), engine.io would add its own Access-Control-Allow-Origin next to the one Rasa's sanic-cors adds: two such headers and browsers refuse the reply; engine.io keeps its Origin check, sanic-cors keeps the headers | tests/browser, tests/channels/test_socketio_channel.py |
"""

import logging
from importlib.metadata import version
from typing import Any, Dict, List, Optional, Text

logger = logging.getLogger(__name__)

# The releases these patches were read against and tested with (requirements.txt pins them).
WRITTEN_FOR = {"rasa": "3.6.21", "python-engineio": "4.7.1"}
APPLIED: List[Text] = []  # the names of the patches made, in order
DASK_RUN = None  # Rasa's own DaskGraphRunner.run, for the tests that compare the two


class PatchVersionError(RuntimeError):
    """A patched library is not the release its patches were written against."""


def check_versions(installed: Optional[Dict[Text, Text]] = None) -> None:
    installed = installed or {name: version(name) for name in WRITTEN_FOR}
    wrong = {
        name: installed.get(name)
        for name, wanted in WRITTEN_FOR.items()
        if installed.get(name) != wanted
    }
    if wrong:
        raise PatchVersionError(
            f"vertebro/rasa_patches.py was written against {WRITTEN_FOR}, but {wrong} is "
            f"installed. Re-read each patch against the new release (the table in its "
            f"docstring), then update WRITTEN_FOR. Refusing to start."
        )


def apply() -> None:
    """Make every patch, once. Safe to call again."""
    if APPLIED:
        return
    check_versions()
    for patch in (
        _validate_action_results_with_one_validator,
        _resolve_event_types_from_a_table,
        _run_graphs_from_a_cached_plan,
        _refuse_turns_when_the_store_fails,
        _leave_cors_headers_to_sanic_cors,
    ):
        patch()
        APPLIED.append(patch.__name__.lstrip("_"))
    logger.debug("Rasa patches applied: %s", ", ".join(APPLIED))


def applied() -> bool:
    return bool(APPLIED)


def _validate_action_results_with_one_validator() -> None:
    from jsonschema import ValidationError, validators
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.constants import DOCS_BASE_URL

    schema = RemoteAction.action_response_format_spec()
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)  # once, instead of on every call
    validator = validator_class(schema)

    def _validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
        try:
            validator.validate(result)
            return True
        except ValidationError as error:
            error.message += (
                f". Failed to validate Action server response from API, "
                f"make sure your response from the Action endpoint is valid. "
                f"For more information about the format visit "
                f"{DOCS_BASE_URL}/custom-actions"
            )
            raise error

    RemoteAction._validate_action_result = _validate_action_result


def _resolve_event_types_from_a_table() -> None:
    """Event.resolve_by_type with the answer for each type name remembered. Only classes
    found are remembered; unknown names (errors, defaults) still go through Rasa's walk."""
    from rasa.shared.core.events import Event

    walk = Event.resolve_by_type
    found: Dict[Text, type] = {}

    def resolve_by_type(type_name: Text, default=None):
        cls = found.get(type_name)
        if cls is None:
            cls = walk(type_name, default)
            if cls is not None and cls is not default:
                found[type_name] = cls
        return cls

    Event.resolve_by_type = staticmethod(resolve_by_type)


def _run_graphs_from_a_cached_plan() -> None:
    """DaskGraphRunner.run, computing the same nodes with the same inputs in dependency order,
    from a plan made once per set of targets.

    Rasa 3.6 runs the prediction graph once for NLU and once per predicted action (3-4 times a
    turn), and each run first recomputes the sub-graph the targets need
    (`GraphSchema.minimal_graph_schema`: a recursive walk without memory), rebuilds the dask
    graph and has dask order it again, before calling the same nodes in the same order.
    """
    global DASK_RUN
    from rasa.engine.exceptions import GraphRunError
    from rasa.engine.runner.dask import DaskGraphRunner

    def plan_for(self: DaskGraphRunner, targets: tuple) -> List[tuple]:
        plans = self.__dict__.setdefault("_cached_plans", {})
        plan = plans.get(targets)
        if plan is None:
            schema = self._graph_schema.minimal_graph_schema(list(targets))
            plan, done = [], set()

            def visit(name: Text) -> None:
                if name in done or name not in schema.nodes:
                    return  # an input placeholder, or already planned
                done.add(name)
                needs = list(schema.nodes[name].needs.values())
                for parent in needs:
                    visit(parent)
                plan.append((name, self._instantiated_nodes[name], needs))

            for target in targets:
                visit(target)
            plans[targets] = plan
        return plan

    def run(
        self: DaskGraphRunner,
        inputs: Optional[Dict[Text, Any]] = None,
        targets: Optional[List[Text]] = None,
    ) -> Dict[Text, Any]:
        run_targets = tuple(targets if targets else self._graph_schema.target_names)
        plan = plan_for(self, run_targets)
        values: Dict[Text, Any] = {}
        for input_name, input_value in (inputs or {}).items():
            if isinstance(input_value, str) and input_value in self._graph_schema.nodes:
                raise GraphRunError(
                    f"Input value '{input_value}' clashes with a node name. Make sure "
                    f"that none of the input names passed to the `run` method are the "
                    f"same as node names in the graph schema."
                )
            values[input_name] = (input_name, input_value)
        try:
            for name, node, needs in plan:
                values[name] = node(*[values[parent] for parent in needs])
        except RuntimeError as error:
            raise GraphRunError("Error running runner.") from error
        return dict(values[target] for target in run_targets)

    DASK_RUN = DaskGraphRunner.run  # Rasa's own, kept for the tests that compare the two
    DaskGraphRunner.run = run


def _refuse_turns_when_the_store_fails() -> None:
    """`rasa.core.agent.Agent` wraps its tracker store in `FailSafeTrackerStore` (a module-level
    name) when it is built; from now on in FailClosedTrackerStore."""
    import rasa.core.agent

    from storage.tracker_store import FailClosedTrackerStore

    rasa.core.agent.FailSafeTrackerStore = FailClosedTrackerStore


def _leave_cors_headers_to_sanic_cors() -> None:
    """engine.io adds no CORS headers of its own; its Origin check stays (it reads
    `cors_allowed_origins`, set by channels/socketio_channel.py)."""
    import engineio

    def no_cors_headers(self: Any, environ: Dict[Text, Any]) -> List[Any]:
        return []

    engineio.AsyncServer._cors_headers = no_cors_headers
