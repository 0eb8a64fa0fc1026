"""The one content-version cache: entries built from published content, forgotten by any change to it."""

import pytest

from foundation import cache

pytestmark = pytest.mark.django_db


def test_a_value_is_computed_once_per_version():
    calls = []
    assert cache.versioned("demo", 1, compute=lambda: calls.append(1) or ["a"]) == ["a"]
    assert cache.versioned("demo", 1, compute=lambda: calls.append(1) or ["b"]) == ["a"]
    assert calls == [1]
    cache.forget()
    assert cache.versioned("demo", 1, compute=lambda: ["c"]) == ["c"]


def test_nothing_is_remembered_too():
    calls = []
    for _ in range(3):
        assert cache.versioned("empty", compute=lambda: calls.append(1)) is None
    assert calls == [1]


def test_publishing_a_page_starts_a_new_version(page_of):
    from portal.models import StandardPage

    before = cache.version()
    page_of(StandardPage, "en").save_revision().publish()
    assert cache.version() != before
