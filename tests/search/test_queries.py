"""Relevance, languages, synonyms, facets, highlights and pagination against the real engine."""

import pytest

from search.models import IndexQueueItem, SynonymSet
from search.queries import search_pages, suggestions
from search.queue import drain_all

pytestmark = pytest.mark.django_db


def titles(results):
    return [hit.title for hit in results.hits]


def test_chinese_query_finds_the_surrender_refund_case_study(es):
    results = search_pages(es, "退保", "zh-hans", {})
    assert "以案说险：“代理退保”骗局" in titles(results)
    assert all(hit.url.startswith("/") and not hit.url.startswith("/en/") for hit in results.hits)


def test_results_stay_in_the_visitors_language(es):
    english = search_pages(es, "fraud", "en", {})
    assert english.total > 0
    assert all(hit.url.startswith("/en/") for hit in english.hits)
    assert search_pages(es, "fraud", "zh-hans", {}).total < english.total


def test_english_stemming(es):
    assert "Four signs of illegal fund-raising" in titles(search_pages(es, "signing", "en", {}))
    plural = {hit.url for hit in search_pages(es, "scams", "en", {"type": "article"}).hits}
    singular = {hit.url for hit in search_pages(es, "scam", "en", {"type": "article"}).hits}
    assert plural and plural == singular


def test_editor_synonym_set_makes_the_query_match(es):
    assert search_pages(es, "电诈", "zh-hans", {}).total == 0
    SynonymSet.objects.create(language="zh-hans", terms="电诈，电信诈骗")  # a full-width comma, as editors type it
    assert IndexQueueItem.objects.filter(kind="rebuild", done_at__isnull=True).exists()
    drain_all(es)
    results = search_pages(es, "电诈", "zh-hans", {})
    assert "2026年电信诈骗新类型" in titles(results)
    assert not IndexQueueItem.objects.filter(done_at__isnull=True).exists()


def test_facet_counts_equal_the_filtered_totals(es):
    results = search_pages(es, "诈骗", "zh-hans", {})
    assert results.facets["type"]
    for name in ("type", "audience", "year"):
        for value, count in results.facets[name]:
            assert search_pages(es, "诈骗", "zh-hans", {name: value}).total == count, (name, value)


def test_filters_combine(es):
    by_type = search_pages(es, "fraud", "en", {"type": "article"})
    both = search_pages(es, "fraud", "en", {"type": "article", "audience": "elderly"})
    assert 0 < both.total < by_type.total
    assert dict(both.facets["type"]) == {"article": both.total}


def test_highlights_mark_the_query_terms(es):
    results = search_pages(es, "退保", "zh-hans", {})
    fragments = [fragment for hit in results.hits for fragment in hit.highlight]
    assert fragments and all("<mark>" in fragment for fragment in fragments)
    assert any("<mark>退保</mark>" in fragment for fragment in fragments)


def test_pagination_covers_every_hit_once(es):
    first = search_pages(es, "fraud", "en", {}, page=1)
    assert first.total > 10 and first.num_pages >= 2
    seen = []
    for page in range(1, first.num_pages + 1):
        seen.extend(hit.url + hit.title for hit in search_pages(es, "fraud", "en", {}, page=page).hits)
    assert len(seen) == first.total


def test_sort_by_date_puts_the_newest_first(es):
    from search.documents import alias_name

    results = es.search(index=alias_name(), query={"term": {"locale": "en"}}, sort=[{"published": "desc"}], size=3)
    newest = [hit["_source"]["title"] for hit in results["hits"]["hits"]]
    assert titles(search_pages(es, "", "en", {}, sort="date"))[:3] == newest


def test_completions(es):
    options = suggestions(es, "fake", "en")
    assert {"text": "Case study: fake surrender-refund agents", "url": "/en/articles/fake-surrender-refund-agents/"} in options
    assert len(suggestions(es, "a", "en")) <= 10
    assert all(not option["url"].startswith("/en/") for option in suggestions(es, "以案", "zh-hans"))
