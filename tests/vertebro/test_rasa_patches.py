"""The Rasa patches (vertebro/rasa_patches.py) keep Rasa's behaviour: the same checks, errors
and answers; they refuse other Rasa releases; importing the pure-Python modules needs no Rasa."""

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.utils.endpoints import EndpointConfig

from tests.helpers import apply_rasa_patches
from vertebro import rasa_patches

apply_rasa_patches()  # as `python -m vertebro` does


def remote_action():
    return RemoteAction("action_offer_call_button", EndpointConfig("http://localhost:1/webhook"))


def test_every_patch_is_applied():
    assert rasa_patches.APPLIED == [
        "validate_action_results_with_one_validator",
        "resolve_event_types_from_a_table",
        "run_graphs_from_a_cached_plan",
        "refuse_turns_when_the_store_fails",
        "leave_cors_headers_to_sanic_cors",
    ]
    assert RemoteAction._validate_action_result.__module__ == "vertebro.rasa_patches"


def test_valid_replies_pass():
    reply = {
        "events": [{"event": "slot", "name": "unclear", "value": "suggest"}],
        "responses": [{"text": "Tap to call:", "buttons": []}],
    }
    assert remote_action()._validate_action_result(reply) is True


@pytest.mark.parametrize(
    "reply",
    [
        {"events": "not a list", "responses": []},
        {"events": [{"no_event_key": 1}], "responses": []},
        {"events": [], "responses": "nope"},
    ],
)
def test_invalid_replies_raise_rasas_error(reply):
    with pytest.raises(ValidationError) as error:
        remote_action()._validate_action_result(reply)
    assert "Failed to validate Action server response" in error.value.message


def test_applying_twice_is_harmless():
    patched = RemoteAction._validate_action_result
    rasa_patches.apply()
    assert RemoteAction._validate_action_result is patched
    assert len(rasa_patches.APPLIED) == 5


def test_event_types_resolve_as_rasas_walk_does():
    from rasa.shared.core.events import ActionExecuted, Event, SessionStarted, SlotSet, UserUttered
    from rasa.shared.utils.common import all_subclasses

    assert Event.resolve_by_type.__module__ == "vertebro.rasa_patches"
    for cls in all_subclasses(Event):
        first = next(c for c in all_subclasses(Event) if c.type_name == cls.type_name)
        assert Event.resolve_by_type(cls.type_name) is first
        assert Event.resolve_by_type(cls.type_name) is first  # from the table
    assert Event.resolve_by_type("user") is UserUttered
    assert [
        type(e)
        for e in [
            Event.from_parameters(d)
            for d in (
                {"event": "slot", "name": "unclear", "value": None},
                {"event": "session_started"},
                {"event": "action", "name": "action_listen"},
            )
        ]
    ] == [SlotSet, SessionStarted, ActionExecuted]
    with pytest.raises(ValueError, match="Unknown event name"):
        Event.resolve_by_type("no_such_event")
    assert Event.resolve_by_type("no_such_event", default=SlotSet) is SlotSet
    assert Event.resolve_by_type("topic") is None


@pytest.fixture(scope="module")
def agent():
    from rasa.core.agent import Agent

    from tests.helpers import ROOT

    model = ROOT / "models" / "vertebro.tar.gz"
    if not model.exists():
        pytest.fail("no trained model: `make test` trains it first")
    return Agent.load(str(model))


async def test_graphs_run_from_a_plan_give_what_dask_gives(agent, monkeypatch):
    """Same parse results and the same next actions, with the plan and with Rasa's dask run."""
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
    from rasa.engine.runner.dask import DaskGraphRunner

    assert DaskGraphRunner.run.__module__ == "vertebro.rasa_patches"
    texts = [
        "how long is recovery",
        "i take eliquis, do i stop it?",
        "asdf qwer",
        "my legs are numb and weak",
        "can i drive home after",
        "and how long is that?",
    ]

    async def talk(sender):
        parses, replies = [], []
        for text in texts:
            parses.append(await agent.parse_message(text))
            output = CollectingOutputChannel()
            await agent.handle_message(UserMessage(text, output, sender))
            replies.append([m.get("text") for m in output.messages])
        tracker = await agent.tracker_store.retrieve(sender)
        actions = [e.action_name for e in tracker.events if e.type_name == "action"]
        return parses, replies, actions

    planned = await talk("planned")
    monkeypatch.setattr(DaskGraphRunner, "run", rasa_patches.DASK_RUN)
    with_dask = await talk("dask")
    assert planned == with_dask
    assert "utter_red_flag" in planned[2]


def test_other_releases_are_refused():
    installed = dict(rasa_patches.WRITTEN_FOR)
    rasa_patches.check_versions(installed)  # the pinned ones pass
    for name in rasa_patches.WRITTEN_FOR:
        with pytest.raises(rasa_patches.PatchVersionError, match="Refusing to start"):
            rasa_patches.check_versions(dict(installed, **{name: "9.9.9"}))


def test_the_installed_releases_are_the_ones_written_for():
    rasa_patches.check_versions()


def test_the_agent_fails_closed_and_engineio_leaves_cors_headers_to_sanic_cors():
    import engineio
    import rasa.core.agent

    from storage.tracker_store import FailClosedTrackerStore

    assert rasa.core.agent.FailSafeTrackerStore is FailClosedTrackerStore
    server = engineio.AsyncServer(cors_allowed_origins=["http://localhost:8080"])
    assert (
        server._cors_headers({"HTTP_ORIGIN": "http://localhost:8080", "REQUEST_METHOD": "GET"})
        == []
    )


def test_pure_python_modules_import_without_rasa():
    import subprocess
    import sys

    from tests.helpers import ROOT

    code = (
        "import sys; import components.red_flag_rules, components.safety_tiers, "
        "components.question_split, vertebro.names, vertebro.settings; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rasa', 'sanic')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT)},
    )
    assert result.stdout.strip() == "[]"
