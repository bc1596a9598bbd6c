"""What every custom action shares with rasa-sdk, written once: its name and how it is run.

An action here says its name in domain.yml (`NAME`) and what it does (`act`, which returns the
events); rasa-sdk calls `name()` and the asynchronous `run()`, which this base provides. The
base is abstract, so rasa-sdk does not register it as an action of its own
(rasa_sdk/executor.py skips abstract classes).
"""

import abc
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

DomainDict = Dict[Text, Any]
Events = List[Dict[Text, Any]]


class ProjectAction(Action, abc.ABC):
    NAME: Text

    def name(self) -> Text:
        return self.NAME

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Events:
        return self.act(dispatcher, tracker, domain)

    @abc.abstractmethod
    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Events:
        """What the action does; the events it returns go to the conversation."""
