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
