"""Failing closed: when the conversation store's database fails, the turn is refused (the
channel apologises with the line), never answered from an empty in-memory tracker and lost.

Rasa wraps every tracker store in `FailSafeTrackerStore`; vertebro/rasa_patches.py (patch 4)
makes it wrap them in `FailClosedTrackerStore` instead (measured in tests/scale: 314 events
lost in a 5 s PostgreSQL outage with Rasa's wrapper).
"""

import logging
from typing import Iterable, Optional, Text

import sqlalchemy.exc
from rasa.core.tracker_store import FailSafeTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker

logger = logging.getLogger(__name__)


class TrackerStoreUnavailable(Exception):
    """The database could not be read or written: the turn must not go on without it."""


class FailClosedTrackerStore(FailSafeTrackerStore):
    """Rasa's wrapper, but a database error ends the turn instead of answering from memory."""

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        return await self._checked(self._tracker_store.retrieve(sender_id))

    async def retrieve_full_tracker(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        return await self._checked(self._tracker_store.retrieve_full_tracker(sender_id))

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self._checked(self._tracker_store.save(tracker))

    async def keys(self) -> Iterable[Text]:
        return await self._checked(self._tracker_store.keys())

    async def _checked(self, call):
        try:
            return await call
        except TrackerStoreUnavailable as error:
            from channels import metrics

            metrics.STORE_ERRORS.inc()
            # No sender id, no text: only what failed.
            logger.error(
                "Tracker store unavailable (%s); the turn is refused, not answered from memory.",
                error,
            )
            raise
        except sqlalchemy.exc.SQLAlchemyError as error:
            from channels import metrics

            metrics.STORE_ERRORS.inc()
            logger.error("Tracker store error (%s); the turn is refused.", type(error).__name__)
            raise TrackerStoreUnavailable(type(error).__name__) from error


def warn_unless_failing_closed() -> None:
    """The Agent wraps this store in FailClosedTrackerStore only when vertebro/rasa_patches.py
    was applied (`python -m vertebro run`, not plain `rasa run`): say so loudly otherwise."""
    import rasa.core.agent

    if rasa.core.agent.FailSafeTrackerStore is not FailClosedTrackerStore:
        logger.error(
            "The tracker store is NOT failing closed: a database outage would lose "
            "turns. Start Rasa with `python -m vertebro run ...` (vertebro/__main__.py)"
            ", which applies vertebro/rasa_patches.py."
        )
