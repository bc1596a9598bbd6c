"""The action-reply validation fix keeps Rasa's checks and errors."""
import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.utils.endpoints import EndpointConfig

import components  # noqa: F401  (applies the fix, as Rasa's model loading does)
from components.rasa_fixes import validate_action_results_with_one_validator


def remote_action():
    return RemoteAction("action_offer_call_button", EndpointConfig("http://localhost:1/webhook"))


def test_the_fix_is_applied_by_importing_the_components():
    assert RemoteAction._validate_action_result.__module__ == "components.rasa_fixes"


def test_valid_replies_pass():
    reply = {"events": [{"event": "slot", "name": "unclear", "value": "suggest"}],
             "responses": [{"text": "Tap to call:", "buttons": []}]}
    assert remote_action()._validate_action_result(reply) is True


@pytest.mark.parametrize("reply", [
    {"events": "not a list", "responses": []},
    {"events": [{"no_event_key": 1}], "responses": []},
    {"events": [], "responses": "nope"},
])
def test_invalid_replies_raise_rasas_error(reply):
    with pytest.raises(ValidationError) as error:
        remote_action()._validate_action_result(reply)
    assert "Failed to validate Action server response" in error.value.message


def test_applying_twice_is_harmless():
    validate_action_results_with_one_validator()
    assert RemoteAction._validate_action_result.__module__ == "components.rasa_fixes"
