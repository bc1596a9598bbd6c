"""Fixtures for testing custom actions (the builders are in tests/helpers.py)."""

import pytest
from rasa_sdk.executor import CollectingDispatcher

from tests import helpers


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


@pytest.fixture
def make_tracker():
    """helpers.make_tracker: a tracker with the domain's slots, `text` as latest message."""
    return helpers.make_tracker
