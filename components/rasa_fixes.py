"""A fix for a measured Rasa 3.6.21 hot spot, applied when the project's components load.

Rasa checks every reply of the action server with `jsonschema.validate(result, schema)`.
That call first validates the (large) response schema itself against the JSON Schema
meta-schema, on every custom action call: about a third of the Rasa server's CPU per turn here,
~30 ms per action call on these 2-core machines (bench/profile.md). The fix builds the
validator once and validates each reply against the same schema, with the same error.

Rasa imports the `components` package (our NLU components in config.yml) whenever it trains or
serves this model, so the fix is in place before the first action runs.
"""
from typing import Any, Dict, Text

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
