"""components/graph_base.py: Rasa builds, validates, trains and loads the project's components
through the two bases as through its own."""

import pytest
from rasa.engine.recipes.recipe import Recipe
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.engine.validation import validate
from rasa.shared.data import TrainingType
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.language_detector import LanguageDetector
from components.normaliser import SpellingNormaliser
from tests.helpers import load_yaml


def test_rasa_validates_the_project_graph():
    """What `rasa train` checks first (rasa/model_training.py): every component's `create`,
    `load` and run methods fit the inputs the graph gives them (e.g. the `resource` a trained
    component's `load` gets in the training graph)."""
    config = load_yaml("config.yml")
    recipe = Recipe.recipe_for_name(config.get("recipe"))
    validate(recipe.graph_config_for_recipe(config, {}, training_type=TrainingType.BOTH))


def test_a_configured_component_gets_its_defaults_under_its_config():
    detector = LanguageDetector.create({"min_words": 5}, None, None, None)
    assert detector.config == {**LanguageDetector.get_default_config(), "min_words": 5}


@pytest.fixture()
def storage(tmp_path):
    return LocalModelStorage(tmp_path)


def test_a_stored_component_loads_what_it_trained(storage):
    resource = Resource("normaliser")
    config = SpellingNormaliser.get_default_config()
    trainer = SpellingNormaliser.create(config, storage, resource, None)
    trainer.train(TrainingData([Message({TEXT: "how long is the recovery", "intent": "x"})]))
    loaded = SpellingNormaliser.load(config, storage, resource, None)
    message = Message({TEXT: "how long is the recovry"})
    loaded.process([message])
    assert message.get(TEXT) == "how long is the recovery"
