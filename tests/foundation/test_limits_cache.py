"""The ``"limits"`` cache (``foundation.limits_cache``): counters in few statements, none lost."""

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.utils import timezone

from foundation.limits_cache import LimitsCache
from foundation.models.limits import LimitEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def limits():
    store = caches["limits"]
    assert isinstance(store, LimitsCache)
    return store


def test_a_counter_is_added_once_and_incremented(limits, django_assert_num_queries):
    with django_assert_num_queries(3):  # not there: a SELECT, the table's count (to cull it), the INSERT
        assert limits.add("zorbex-counter", 1, 60)
    with django_assert_num_queries(1):  # already there: one SELECT, no write
        assert not limits.add("zorbex-counter", 1, 60)
    with django_assert_num_queries(2):  # read, then a conditional UPDATE
        assert limits.incr("zorbex-counter") == 2
    assert limits.incr("zorbex-counter", 3) == 5
    assert limits.get("zorbex-counter") == 5
    with pytest.raises(ValueError):
        limits.incr("zorbex-missing")


def test_an_expired_entry_is_replaced_by_add(limits):
    assert limits.add("zorbex-token", "first", 60)
    LimitEntry.objects.filter(cache_key__endswith="zorbex-token").update(expires=timezone.now() - timedelta(seconds=5))
    assert limits.add("zorbex-token", "second", 60)
    assert limits.get("zorbex-token") == "second"
    assert not limits.add("zorbex-token", "third", 60)


def test_an_increment_made_meanwhile_is_not_lost(limits, monkeypatch):
    limits.add("zorbex-raced", 1, 60)
    reads = []

    def stale_get(key, default=None, version=None):
        value = LimitsCache.get(limits, key, default, version)
        if not reads:  # another request increments between this one's read and its write
            limits.set(key, value + 10, 60)
        reads.append(value)
        return value

    monkeypatch.setattr(limits, "get", stale_get)
    assert limits.incr("zorbex-raced") == 12
    assert reads == [1, 11]  # the first write did not match and was retried
