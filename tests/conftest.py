"""Shared test helpers: project paths and the domain."""
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


def load_yaml(relative: str):
    with open(ROOT / relative, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@pytest.fixture(scope="session")
def domain():
    return load_yaml("domain.yml")


@pytest.fixture(scope="session")
def phone(domain):
    return domain["slots"]["phone"]["initial_value"]
