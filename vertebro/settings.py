"""Values kept in config.yml and domain.yml, read from there by code that is not a Rasa component
(scripts, channels, reports). Plain YAML reading; no Rasa import.

- `fallback_threshold()`: the FallbackClassifier's `threshold`, the one confidence below which
  a message counts as not understood (config.yml gives it once, as the anchor
  `&understood`; the classifier and the red-flag detector refer to it).
- `max_questions()`: how many questions of one message the dialogue policy answers
  (AnswerPlanPolicy's `max_questions`); the custom action offers the rest as buttons.
- `phone()`: the scheduling line, the `phone` slot's `initial_value` in domain.yml.
"""

from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Optional, Text

import yaml

from vertebro.names import ANSWER_PLAN_POLICY, PHONE_SLOT

ROOT = Path(__file__).resolve().parent.parent
CONFIG_FILE = ROOT / "config.yml"
DOMAIN_FILE = ROOT / "domain.yml"


class SettingsError(ValueError):
    """config.yml or domain.yml lacks a value the code needs."""


@lru_cache(maxsize=None)
def _load(path: Path) -> Dict[Text, Any]:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def component_config(name: Text, config_file: Path = CONFIG_FILE) -> Dict[Text, Any]:
    """The settings of the pipeline component or policy called `name` in config.yml."""
    config = _load(Path(config_file))
    for item in (config.get("pipeline") or []) + (config.get("policies") or []):
        if item.get("name") == name:
            return item
    raise SettingsError(f"{name} is not in {config_file}")


def fallback_threshold(config_file: Path = CONFIG_FILE) -> float:
    return float(component_config("FallbackClassifier", config_file)["threshold"])


def max_questions(config_file: Path = CONFIG_FILE) -> int:
    return int(component_config(ANSWER_PLAN_POLICY, config_file)["max_questions"])


def phone(domain_file: Path = DOMAIN_FILE) -> Text:
    """The scheduling line as patients read it (e.g. 847.570.2160)."""
    try:
        value: Optional[Text] = _load(Path(domain_file))["slots"][PHONE_SLOT]["initial_value"]
    except (KeyError, TypeError) as error:
        raise SettingsError(
            f"slots.{PHONE_SLOT}.initial_value is missing in {domain_file}"
        ) from error
    if not value or not str(value).strip():
        raise SettingsError(f"slots.{PHONE_SLOT}.initial_value in {domain_file} is empty")
    return str(value).strip()
