"""Dialogue policy: answer every question of a message, in order, with the rules' own answers.

RulePolicy answers one intent a turn. This policy plans a turn when there is more to do:

- **Several questions** (the classifier puts their intents in the parse data's `questions`,
  components/intent_classifier.py): the rules' actions for each, in the order asked, up to
  `max_questions`; beyond that, `more_topics_action` offers the rest as buttons. A question that
  was not understood gets `unclear_response` instead of being dropped silently.
- **"And after that?"** (`next_step_intent`): the answer after the last one given, in the
  page's order (`step_order`); for an answer about the whole procedure, outside that order
  ("how long is the procedure?"), the one `step_after` names.
- **A bare reply to the buttons just offered** ("recovery", "the procedure" after "How long
  for which part?"): the button's answer, when the reply's words match its title
  (rapidfuzz token-set ratio >= `button_match_threshold`).
- **A short "when?" or "how soon?" not understood, right after an answer** ("how soon after",
  "y cuándo sería"): answered as a bare "how long?" (`time_question_intent`'s rule), which
  reads its topic from that answer; at most `time_question_max_words` words.
- **A section named bare, right after a section's answer** ("And during?", "¿y antes?"): that
  section (`section_intents`, components/section_follow_up.py).

The actions for an intent are learned from the rules (data/rules.yml) at training time, so each
answer still lives in one place and follows one path. It predicts with confidence 1 and a
priority above RulePolicy's, and nothing at all when there is no plan (RulePolicy decides).
Safety intents are never planned over: the safety tiers clear `questions`.
"""

import re
from typing import Any, Dict, List, Optional, Text

from rapidfuzz import fuzz
from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME, RULE_SNIPPET_ACTION_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from components.graph_base import POLICY, RulesOnlyPolicy
from components.model_files import load_json, save_json
from components.section_follow_up import names_a_section, section_named
from components.vocabulary import words
from vertebro.names import FALLBACK_INTENT, QUESTIONS, SAFETY_INTENTS, UNCLEAR_QUESTION

PLANS_FILE = "answer_plans.json"

# The policy's settings when config.yml does not give them (it gives each; the module docstring
# says what they mean). The names of actions, responses and intents default to none.
DEFAULT_CONFIG: Dict[Text, Any] = {
    "priority": 7,
    "max_questions": 3,
    "more_topics_action": None,
    "unclear_response": None,
    "next_step_intent": None,
    "language_intent": None,
    "step_order": [],
    "step_after": {},
    "button_match_threshold": 85,
    "button_reply_max_words": 4,
    "time_question_intent": None,
    "time_question_max_words": 5,
    "section_intents": {},
}
# A question about when or how long, in English or Spanish (lower case, accents optional).
_TIME_QUESTION = re.compile(
    r"^\W*(?:(?:and|so|ok|okay|but|y|o|pero|entonces)\W+)?(?:when|how soon|how long|how many "
    r"(?:hours|days|weeks|minutes)|what day|cu[aá]ndo|cu[aá]nto|cu[aá]ntas|cu[aá]ntos|en cu[aá]nto|"
    r"qu[eé] tan pronto|para cu[aá]ndo|pa cu[aá]ndo)\b",
    re.IGNORECASE,
)
# Words that say nothing about which button is meant.
_FILLER = set(
    "the a an for of about my i is it to and what how long please "
    "pls ok okay um uh oh so that part one mean meant you your".split()
)


def split_at_latest_message(tracker: DialogueStateTracker) -> "tuple[list, list]":
    """The events before the latest user message, and the actions taken since it."""
    events = list(tracker.events)
    for position in range(len(events) - 1, -1, -1):
        if isinstance(events[position], UserUttered):
            since = [
                e.action_name
                for e in events[position + 1 :]
                if isinstance(e, ActionExecuted) and e.action_name != ACTION_LISTEN_NAME
            ]
            return events[:position], since
    return events, []


def content(text: Text) -> Text:
    return " ".join(w for w in words(text) if w not in _FILLER)


def rule_plans(trackers: List[TrackerWithCachedStates]) -> Dict[Text, List[Text]]:
    """Intent -> the actions its rule takes, from rules that start with that intent alone."""
    plans: Dict[Text, List[Text]] = {}
    for tracker in trackers:
        if not tracker.is_rule_tracker:
            continue
        intent, actions, clean = None, [], True
        for position, event in enumerate(tracker.events):
            if isinstance(event, ActionExecuted):
                if event.action_name == RULE_SNIPPET_ACTION_NAME:
                    # "..." first: the rule applies anywhere in a conversation; "..." later
                    # would be a rule with a gap, not one intent's answer.
                    clean = clean and position == 0
                elif intent is None:
                    if event.action_name != ACTION_LISTEN_NAME:
                        clean = False  # a rule that starts after an action
                elif event.action_name == ACTION_LISTEN_NAME:
                    break
                else:
                    actions.append(event.action_name)
            elif isinstance(event, UserUttered):
                if intent is not None:
                    break
                intent = event.intent_name
            elif isinstance(event, SlotSet) and intent is None:
                clean = False  # a condition on a slot
        if clean and intent and actions and intent not in plans:
            plans[intent] = actions
    return plans


@DefaultV1Recipe.register([POLICY], is_trainable=True)
class AnswerPlanPolicy(RulesOnlyPolicy):
    """Plans the turn (module docstring); its settings are in config.yml."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return dict(DEFAULT_CONFIG)

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        featurizer: Any = None,
        plans: Optional[Dict[Text, List[Text]]] = None,
    ) -> None:
        config = {**self.get_default_config(), **config}
        super().__init__(config, model_storage, resource, execution_context, featurizer)
        self.plans = plans or {}

    def train(
        self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any
    ) -> Resource:
        self.plans = rule_plans(training_trackers)
        save_json(self._model_storage, self._resource, PLANS_FILE, self.plans)
        return self._resource

    @classmethod
    def load(cls, config, model_storage, resource, execution_context, **kwargs) -> Policy:
        """Rasa's own `load` (components/graph_base.py says why the arguments are named so),
        then the plans `train` saved."""
        policy = super().load(config, model_storage, resource, execution_context, **kwargs)
        policy.plans = load_json(policy._model_storage, policy._resource, PLANS_FILE, {})
        return policy

    # --- planning -----------------------------------------------------------------------------

    def plan(self, tracker: DialogueStateTracker, before: List[Any]) -> Optional[List[Text]]:
        """The actions for this turn, or None when RulePolicy should decide. `before`: the
        events before the latest user message."""
        message = tracker.latest_message
        if message is None or message.intent_name in SAFETY_INTENTS:
            return None
        questions = [q for q in (message.parse_data.get(QUESTIONS) or []) if q]
        if len(questions) >= 2:
            return self._questions_plan(questions)
        if names_a_section(message.text or ""):  # the rest only for a bare "and during?"
            sections = {
                word: (intent, self.plans[intent][0])
                for word, intent in self.config["section_intents"].items()
                if self.plans.get(intent)
            }
            section = section_named(message.text or "", self._last_turn(before), sections)
            if section in self.plans:
                return list(self.plans[section])  # "And during?" after how to prepare
        if message.intent_name == self.config["next_step_intent"]:
            return self._next_step_plan(before)
        if message.intent_name == self.config["language_intent"]:
            return self._language_plan(before)
        if message.intent_name == FALLBACK_INTENT:
            plan = self._time_question_plan(before, message.text or "")
            if plan:
                return plan
        return self._button_plan(before, message.text or "")

    def _questions_plan(self, questions: List[Text]) -> Optional[List[Text]]:
        limit = self.config["max_questions"]
        plan: List[Text] = []
        for question in questions[:limit]:
            if question == UNCLEAR_QUESTION:
                if self.config["unclear_response"]:
                    plan.append(self.config["unclear_response"])
            elif question in self.plans:
                # An answer already in the plan is not given twice ("how does the cement get
                # in, and how fast does it set?": the cut and needle, then the cement, once).
                plan.extend(a for a in self.plans[question] if a not in plan)
        if len(questions) > limit and self.config["more_topics_action"]:
            plan.append(self.config["more_topics_action"])
        return plan or None

    @staticmethod
    def _last_turn(before: List[Any]) -> List[Text]:
        """The answers the bot gave in reply to the message before this one."""
        answers: List[Text] = []
        for event in reversed(before):
            if isinstance(event, UserUttered):
                break
            if isinstance(event, BotUttered):
                answers.append((event.metadata or {}).get("utter_action"))
        return answers

    def _next_step_plan(self, before: List[Any]) -> Optional[List[Text]]:
        order = self.config["step_order"]
        for event in reversed(before):
            if isinstance(event, BotUttered):
                answer = (event.metadata or {}).get("utter_action")
                if answer in self.config["step_after"]:
                    return [self.config["step_after"][answer]]
                if answer in order:
                    index = order.index(answer)
                    return [order[index + 1]] if index + 1 < len(order) else None
        return None

    def _language_plan(self, before: List[Any]) -> Optional[List[Text]]:
        """ "en español por favor" right after an answer: that answer again, now in the chosen
        language (the slot is already set); with no answer before it, the greeting (the rule)."""
        known = {a for plan in self.plans.values() for a in plan}
        answers = dict.fromkeys(reversed(self._last_turn(before)))  # in the order given, once
        return [a for a in answers if a and a.startswith("utter_") and a in known] or None

    def _time_question_plan(self, before: List[Any], text: Text) -> Optional[List[Text]]:
        intent = self.config["time_question_intent"]
        if (
            intent not in self.plans
            or len(text.split()) > self.config["time_question_max_words"]
            or not _TIME_QUESTION.search(text)
        ):
            return None
        known = {a for plan in self.plans.values() for a in plan}
        for event in reversed(before):
            if isinstance(event, UserUttered):
                return None  # only right after an answer
            if isinstance(event, BotUttered):
                if (event.metadata or {}).get("utter_action") in known:
                    return list(self.plans[intent])
        return None

    def _button_plan(self, before: List[Any], text: Text) -> Optional[List[Text]]:
        said = content(text)
        if not said or len(text.split()) > self.config["button_reply_max_words"]:
            return None
        offered = None
        for event in reversed(before):
            if isinstance(event, UserUttered):
                return None  # only the buttons of the bot's last answer
            if isinstance(event, BotUttered) and (event.data or {}).get("buttons"):
                offered = event.data["buttons"]
                break
        scores = []
        for button in offered or []:
            payload = str(button.get("payload") or "")
            match = re.fullmatch(r"/(\w+)", payload)
            if match and match.group(1) in self.plans:
                score = fuzz.token_set_ratio(said, content(str(button.get("title") or "")))
                scores.append((score, match.group(1)))
        scores.sort(reverse=True)
        if not scores or scores[0][0] < self.config["button_match_threshold"]:
            return None
        if len(scores) > 1 and scores[1][0] == scores[0][0]:
            return None  # two buttons fit equally: let the classifier decide
        return list(self.plans[scores[0][1]])

    # --- prediction ---------------------------------------------------------------------------

    def decide(self, tracker: DialogueStateTracker, domain: Domain) -> PolicyPrediction:
        probabilities = self._default_predictions(domain)
        before, done = split_at_latest_message(tracker)
        plan = self.plan(tracker, before)
        if plan is None:
            return self._prediction(probabilities)
        if done != plan[: len(done)]:
            return self._prediction(probabilities)  # not our turn any more
        following = plan[len(done)] if len(done) < len(plan) else ACTION_LISTEN_NAME
        index = domain.index_for_action(following)
        if index is None:
            return self._prediction(probabilities)
        probabilities[index] = 1.0
        return self._prediction(probabilities)
