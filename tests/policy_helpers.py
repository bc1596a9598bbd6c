"""Helpers for the dialogue policies' tests (tests/components/test_*_policy.py): the project's
domain and rule trackers, and turns played through a policy as Rasa would."""

from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.generator import TrainingDataGenerator
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.importers.importer import TrainingDataImporter

from tests.helpers import ROOT


def load_project():
    """The project's domain and its rule trackers, as training gives them to a policy."""
    importer = TrainingDataImporter.load_from_config(
        str(ROOT / "config.yml"), str(ROOT / "domain.yml"), [str(ROOT / "data")]
    )
    domain = importer.get_domain()
    trackers = TrainingDataGenerator(
        importer.get_stories(), domain, augmentation_factor=0, use_story_concatenation=False
    ).generate()
    return domain, trackers


def user(text, intent, **parse):
    return UserUttered(
        text,
        {"name": intent, "confidence": 0.9},
        parse_data={"intent": {"name": intent, "confidence": 0.9}, "text": text, **parse},
    )


def bot(utter_action, buttons=None):
    return BotUttered(
        "...", data={"buttons": buttons} if buttons else {}, metadata={"utter_action": utter_action}
    )


def turn(policy, domain: Domain, history, message):
    """The actions the policy plans for `message` after `history` (None: it leaves the turn to
    the other policies), run until it predicts action_listen."""
    events = [ActionExecuted(ACTION_LISTEN_NAME), *history, message]
    taken = []
    for _ in range(20):
        tracker = DialogueStateTracker.from_events("test", events, slots=domain.slots)
        prediction = policy.predict_action_probabilities(tracker, domain)
        if max(prediction.probabilities) == 0:
            return None if not taken else taken
        action = domain.action_names_or_texts[prediction.max_confidence_index]
        if action == ACTION_LISTEN_NAME:
            return taken
        taken.append(action)
        events.append(ActionExecuted(action))
        if action.startswith("utter_"):
            events.append(bot(action))
    raise AssertionError(f"no end to the plan: {taken}")
