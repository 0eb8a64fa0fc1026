"""The dependency cache: entries rebuilt when what they were built from changes, and only then."""

import pytest

from foundation import cache
from foundation.models.pages import invalidated_by_publishing

pytestmark = pytest.mark.django_db


def test_a_value_is_computed_once_until_a_tag_it_depends_on_changes():
    calls = []
    assert cache.versioned("demo", 1, compute=lambda: calls.append(1) or ["a"], tags=["page:1"]) == ["a"]
    assert cache.versioned("demo", 1, compute=lambda: calls.append(1) or ["b"], tags=["page:1"]) == ["a"]
    cache.invalidate("page:2")  # another page: kept
    assert cache.versioned("demo", 1, compute=lambda: calls.append(1) or ["b"], tags=["page:1"]) == ["a"]
    assert calls == [1]
    cache.invalidate("page:1")
    assert cache.versioned("demo", 1, compute=lambda: ["c"], tags=["page:1"]) == ["c"]
    cache.forget()  # everything
    assert cache.versioned("demo", 1, compute=lambda: ["d"], tags=["page:1"]) == ["d"]


def test_nothing_is_remembered_too():
    calls = []
    for _ in range(3):
        assert cache.versioned("empty", compute=lambda: calls.append(1)) is None
    assert calls == [1]


def test_an_entry_depends_on_the_entries_read_while_it_was_built():
    def outer():
        return "outer with " + cache.versioned("inner", compute=lambda: "inner", tags=["menu"])

    assert cache.versioned("outer", compute=outer) == "outer with inner"
    with cache.collecting() as seen:
        cache.versioned("outer", compute=outer)
    assert "menu" in seen  # a hit passes its dependencies on to whatever is built around it
    cache.invalidate("menu")
    assert cache.versioned("outer", compute=lambda: "rebuilt") == "rebuilt"


def test_publishing_a_page_invalidates_what_it_touches_and_a_draft_nothing(page_of):
    from articles.models import ArticlePage
    from portal.models import StandardPage

    article, about = page_of(ArticlePage, "en"), page_of(StandardPage, "en")
    touched = invalidated_by_publishing(article)
    assert cache.page_tag(article.pk) in touched and cache.listing_tag("article", article.locale_id) in touched
    for slug in article.audience_slugs:  # its audiences' pages, not the others'
        assert cache.listing_tag("article", article.locale_id, "audience", slug) in touched
    assert not any(tag.startswith("listing:article:") and "audience=" in tag and tag.split("=")[1]
                   not in article.audience_slugs for tag in touched)
    before = cache.tag_versions([*touched, cache.page_tag(about.pk), cache.EVERYTHING])
    article.save_revision()  # a draft
    assert cache.tag_versions(before) == before
    article.save_revision().publish()
    after = cache.tag_versions(before)
    assert all(after[tag] != before[tag] for tag in touched)
    assert after[cache.page_tag(about.pk)] == before[cache.page_tag(about.pk)]
    assert after[cache.EVERYTHING] == before[cache.EVERYTHING]


def test_an_entry_built_before_the_change_is_committed_is_rebuilt_after_the_commit(django_capture_on_commit_callbacks):
    """A request between a publish's invalidation and its commit still reads the old rows: what it
    stores is renewed again once the commit is done."""
    cache.versioned("racing", compute=lambda: "old", tags=["page:racing"])
    with django_capture_on_commit_callbacks(execute=True):
        cache.invalidate("page:racing")
        assert cache.versioned("racing", compute=lambda: "old rows, read before the commit", tags=["page:racing"]) \
            == "old rows, read before the commit"
    assert cache.versioned("racing", compute=lambda: "new", tags=["page:racing"]) == "new"
