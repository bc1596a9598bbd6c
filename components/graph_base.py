"""The constructors Rasa's graph calls on the project's components, written once.

Rasa builds a component with `create` (when training, and for a component with nothing to
train) and with `load` (when serving a trained model), each with the same arguments. Each
component here only says what it does; how it is built is one of these two bases:

- `ConfiguredComponent`: built from its configuration alone (nothing trained, nothing stored):
  components/language_detector.py, components/red_flags.py, components/same_reply.py.
- `StoredComponent`: trained; `train` writes its files to the model, `restore` reads them back
  when the model is loaded: components/intent_classifier.py, components/normaliser.py,
  components/unknown_words.py.

The two dialogue policies learn from the rules at most: `RulesOnlyPolicy`.

Registering a policy with Rasa's recipe: `POLICY`.

`create` and `load` take the arguments of Rasa's GraphComponent (rasa/engine/graph.py) by
these names: the graph passes them by name. A trained component's `load` gets the `resource`
its training wrote only when `load` names it (rasa/engine/graph.py `__call__`), and Rasa's
graph validation looks for it among the annotated parameters (rasa/engine/validation.py
`_validate_needs`, Rasa 3.6): `load` is annotated in full. `create` needs no such check, so
its parameters (the same, with the same types) are not annotated and its signature reads on
one line.
"""

from typing import Any, Dict, List, Optional, Text

from rasa.core.policies.policy import Policy, PolicyPrediction, SupportedData
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.domain import Domain
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

# The recipe's component type of the project's dialogue policies.
POLICY = DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT


def configured(component: type, config: Dict[Text, Any]) -> Dict[Text, Any]:
    """The component's defaults with `config` over them (Rasa merges them too, but a component
    built directly, as in the tests, gets the same)."""
    return {**component.get_default_config(), **config}


def required(config: Dict[Text, Any], key: Text, component: type) -> Any:
    """A setting config.yml must give (no default in the code, so that a value given once in
    config.yml, such as the `&understood` threshold, has no second home to drift from)."""
    value = config.get(key)
    if value is None:
        raise ValueError(f"{component.__name__} needs `{key}` in config.yml.")
    return value


class ConfiguredComponent(GraphComponent):
    """A component built from its configuration; `setup` prepares what it needs."""

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: Optional[ModelStorage] = None,
        resource: Optional[Resource] = None,
    ) -> None:
        self.config = configured(type(self), config)
        self._storage = model_storage
        self._resource = resource
        self.setup()

    def setup(self) -> None:
        """What the component prepares once it is built (nothing, unless it says)."""

    @classmethod
    def create(cls, config, model_storage, resource, execution_context) -> GraphComponent:
        return cls(config, model_storage, resource)


class StoredComponent(ConfiguredComponent):
    """A trained component: `train` writes its files to the model (`_storage`, `_resource`);
    `restore` reads them back when the model is loaded."""

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> GraphComponent:
        component = cls.create(config, model_storage, resource, execution_context)
        component.restore()
        return component

    def restore(self) -> None:
        """Read what `train` wrote to the model."""
        raise NotImplementedError(f"{type(self).__name__} does not say how to read its files")


class RulesOnlyPolicy(Policy):
    """A dialogue policy that learns from the rules at most (components/answer_plan_policy.py)
    or from nothing (components/language_policy.py): Rasa then gives it rule data only, and
    training keeps nothing unless the policy says what."""

    @staticmethod
    def supported_data() -> SupportedData:
        return SupportedData.RULE_DATA

    def train(
        self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any
    ) -> Resource:
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        return self.decide(tracker, domain)

    def decide(self, tracker: DialogueStateTracker, domain: Domain) -> PolicyPrediction:
        """This turn's prediction (Rasa's `predict_action_probabilities`, without the rule data
        neither policy reads)."""
        raise NotImplementedError(f"{type(self).__name__} does not say what it predicts")
