"""Fixes for measured Rasa 3.6.21 hot spots, applied when the project's components load.

1. Action-server replies validated with a validator built once (below).
2. Event types looked up in a table: `Event.resolve_by_type`, called for every stored event
   each time a conversation is read, walks the whole Event class tree (and checks each class
   for abstract methods) to find the class with that name: ~4% of the server's CPU per turn
   (bench/profile.md). The same answer, remembered per name.
3. Graphs run from a plan made once (run_graphs_from_a_cached_plan, below).

Rasa checks every reply of the action server with `jsonschema.validate(result, schema)`.
That call first validates the (large) response schema itself against the JSON Schema
meta-schema, on every custom action call: about a third of the Rasa server's CPU per turn here,
~30 ms per action call on these 2-core machines (bench/profile.md). The fix builds the
validator once and validates each reply against the same schema, with the same error.

Rasa imports the `components` package (our NLU components in config.yml) whenever it trains or
serves this model, so the fix is in place before the first action runs.
"""
from typing import Any, Dict, List, Optional, Text

_applied = False


def validate_action_results_with_one_validator() -> None:
    global _applied
    if _applied:
        return
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
                f"{DOCS_BASE_URL}/custom-actions")
            raise error

    RemoteAction._validate_action_result = _validate_action_result
    _applied = True


_events_applied = False


def resolve_event_types_from_a_table() -> None:
    """Event.resolve_by_type with the answer for each type name remembered. Only classes
    found are remembered; unknown names (errors, defaults) still go through Rasa's walk."""
    global _events_applied
    if _events_applied:
        return
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
    _events_applied = True


_runner_applied = False
DASK_RUN = None


def run_graphs_from_a_cached_plan() -> None:
    """DaskGraphRunner.run, computing the same nodes with the same inputs in dependency order,
    from a plan made once per set of targets.

    Rasa 3.6 runs the prediction graph once for NLU and once per predicted action (3-4 times a
    turn), and each run first recomputes the sub-graph the targets need
    (`GraphSchema.minimal_graph_schema`: a recursive walk without memory), rebuilds the dask
    graph and has dask order it again, before calling the same nodes in the same order.
    """
    global _runner_applied, DASK_RUN
    if _runner_applied:
        return
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

    def run(self: DaskGraphRunner, inputs: Optional[Dict[Text, Any]] = None,
            targets: Optional[List[Text]] = None) -> Dict[Text, Any]:
        run_targets = tuple(targets if targets else self._graph_schema.target_names)
        plan = plan_for(self, run_targets)
        values: Dict[Text, Any] = {}
        for input_name, input_value in (inputs or {}).items():
            if isinstance(input_value, str) and input_value in self._graph_schema.nodes:
                raise GraphRunError(
                    f"Input value '{input_value}' clashes with a node name. Make sure "
                    f"that none of the input names passed to the `run` method are the "
                    f"same as node names in the graph schema.")
            values[input_name] = (input_name, input_value)
        try:
            for name, node, needs in plan:
                values[name] = node(*[values[parent] for parent in needs])
        except RuntimeError as error:
            raise GraphRunError("Error running runner.") from error
        return dict(values[target] for target in run_targets)

    DASK_RUN = DaskGraphRunner.run  # Rasa's own, kept for the tests that compare the two
    DaskGraphRunner.run = run
    _runner_applied = True
