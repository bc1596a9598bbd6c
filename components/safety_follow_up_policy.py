"""Dialogue policy: a message that goes on from an emergency or a crisis answer gets that
answer again.

The safety tiers (components/safety_tiers.py) read one message. A patient who has just been
told "Call 911 now" often goes on in the next text ("texting from the floor", "its dripping
on the floor n wont stop", "y tengo ganas de hacerlo otra vez"), and that message alone may
name no symptom: read alone it got "I don't have that information", a fact answer or "not
sure what you mean". Here the conversation is read: right after an answer of `answers`, a
message that is not a new question goes on from it, and gets the same answer (in the
conversation's language, with the line). Only an answer the safety tiers' patterns decided
carries over: one the classifier guessed ("lol im dead 💀") does not repeat itself.

What is *not* a continuation: a new crisis or emergency (its own rule answers it), a
thank-you, a goodbye, a greeting or a language choice (`moved_on_intents`), and a question
the classifier understood about something else ("ok. how long is recovery?"). A message not
understood, out of scope, a question for the care team, a warning sign or a call for help
(`follow_up_intents`) goes on from it even when it asks. It predicts with confidence 1 and a
priority above the other policies', and nothing when there is no such answer just before.
"""

from typing import Any, Dict, List, Optional, Text

from rasa.core.policies.policy import PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from components.answer_plan_policy import split_at_latest_message
from components.graph_base import POLICY, RulesOnlyPolicy
from components.question_split import asks
from vertebro.names import CRISIS_INTENT, RED_FLAG_INTENT, SAFETY_TIER_KEY


def answer_just_before(before: List[Any], answers: List[Text]) -> Optional[Text]:
    """The safety answer the bot gave in reply to the message before this one, when the safety
    tiers' patterns decided it (a symptom or crisis they read, not the classifier's guess alone,
    which a look-alike such as "lol im dead" can get), or None."""
    answer = None
    for event in reversed(before):
        if isinstance(event, UserUttered):
            intent = (event.parse_data or {}).get("intent") or {}
            return answer if answer and intent.get(SAFETY_TIER_KEY) else None
        if isinstance(event, BotUttered) and answer is None:
            said = (event.metadata or {}).get("utter_action")
            if said in answers:
                answer = said
    return None


@DefaultV1Recipe.register([POLICY], is_trainable=False)
class SafetyFollowUpPolicy(RulesOnlyPolicy):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # config.yml gives each: the answers that carry over, the intents that say the patient
        # moved on, and those that go on from the answer even as a question.
        return {"priority": 8, "answers": [], "moved_on_intents": [], "follow_up_intents": []}

    def plan(self, tracker: DialogueStateTracker, before: List[Any]) -> Optional[Text]:
        message = tracker.latest_message
        if message is None:
            return None
        answer = answer_just_before(before, self.config["answers"])
        intent = message.intent_name
        if (
            answer is None
            or intent in (CRISIS_INTENT, RED_FLAG_INTENT)
            or intent in self.config["moved_on_intents"]
        ):
            return None
        if intent not in self.config["follow_up_intents"] and asks(message.text or ""):
            return None  # a new question, understood: answered as usual
        return answer

    def decide(self, tracker: DialogueStateTracker, domain: Domain) -> PolicyPrediction:
        probabilities = self._default_predictions(domain)
        before, done = split_at_latest_message(tracker)
        answer = self.plan(tracker, before)
        if answer is None or done not in ([], [answer]):
            return self._prediction(probabilities)
        following = answer if not done else ACTION_LISTEN_NAME
        index = domain.index_for_action(following)
        if index is not None:
            probabilities[index] = 1.0
        return self._prediction(probabilities)
