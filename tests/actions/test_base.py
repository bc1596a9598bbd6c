"""actions/base.py: rasa-sdk finds every custom action of the domain, by its name, and not the
base itself."""

import pytest
from rasa_sdk.executor import ActionExecutor

from actions.base import ProjectAction
from tests.helpers import domain


@pytest.fixture(scope="module")
def executor():
    found = ActionExecutor()
    found.register_package("actions")
    return found


def test_every_custom_action_of_the_domain_is_registered_and_nothing_else(executor):
    custom = {name for name in domain()["actions"] if name.startswith("action_")}
    assert set(executor.actions) == custom


def test_the_base_is_not_an_action():
    with pytest.raises(TypeError):
        ProjectAction()


async def test_run_returns_what_act_returns(executor):
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    tracker = Tracker.from_dict({"sender_id": "t", "latest_message": {}, "events": []})
    events = await executor.actions["action_find_how_long_topic"](
        CollectingDispatcher(), tracker, domain()
    )
    assert events == [{"event": "slot", "name": "how_long_topic", "value": None, "timestamp": None}]
