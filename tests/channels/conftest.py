"""Each channel test starts with a fresh process-wide rate limiter (channels/rate_limit.py), so
that tests sending from the same sender do not use up each other's tokens."""

import pytest

from channels import rate_limit


@pytest.fixture(autouse=True)
def limiter():
    """The limiter the channels use during this test (the default 30 a minute, burst 10)."""
    fresh = rate_limit.RateLimiter()
    previous = rate_limit.set_shared(fresh)
    yield fresh
    rate_limit.set_shared(previous)


@pytest.fixture
def outage_reply(phone):
    """What a patient reads when the conversation store or the lock store is down, written out
    here: the tests compare the channels' answer with it, not with channels/failures.py's own
    text (the code under test)."""
    return f"Sorry, I can't answer right now. Please try again in a few minutes, or call {phone}."
