"""A component's JSON file in the model archive: written at training, read when loaded."""

import json
from typing import Any

from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage


def save_json(storage: ModelStorage, resource: Resource, name: str, value: Any) -> None:
    with storage.write_to(resource) as directory:
        (directory / name).write_text(json.dumps(value, sort_keys=True))


def load_json(storage: ModelStorage, resource: Resource, name: str, default: Any) -> Any:
    """The saved value, or `default` when the component was not trained into this model."""
    try:
        with storage.read_from(resource) as directory:
            return json.loads((directory / name).read_text())
    except (ValueError, FileNotFoundError):
        return default
