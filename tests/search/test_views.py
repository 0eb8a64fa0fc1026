"""The search page and suggestions through HTTP: engine, fallback, editors' picks, misses, hostile input."""

from urllib.parse import urlencode

import pytest
from django.core.cache import caches
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from articles.models import ArticlePage
from search.models import SearchMiss

from .conftest import CLOSED_PORT_URL

pytestmark = pytest.mark.django_db


def test_search_page_shows_highlighted_results_and_facets(client, es):
    html = client.get("/search/?q=退保").content.decode()
    assert "以案说险：“代理退保”骗局" in html
    assert "<mark>退保</mark>" in html
    assert 'class="facets"' in html and "保险客户" in html  # audience facet shows names, not slugs
    assert "temporarily unavailable" not in html


def test_facet_link_filters_and_keeps_the_query(client, es):
    html = client.get("/en/search/?q=fraud").content.decode()
    assert 'href="?q=fraud&amp;type=article"' in html
    filtered = client.get("/en/search/?q=fraud&type=article").content.decode()
    assert 'aria-current="true"' in filtered


def test_search_costs_few_queries_whatever_the_result_count(client, es, django_assert_max_num_queries):
    # 9 for the search itself, 2 for the footer's help and report links (cached for the next requests,
    # portal.chrome), and 3 for a new rate-limit counter, which lives in a database cache the page
    # cache cannot evict (issue 14; foundation/limits_cache.py).
    with django_assert_max_num_queries(14):
        assert client.get("/en/search/?q=fraud&page=2").status_code == 200


def test_page_past_the_end_is_404_and_bad_page_is_400(client, es):
    assert client.get("/en/search/?q=fraud&page=999").status_code == 404
    assert client.get("/en/search/?q=fraud&page=0").status_code == 400
    assert client.get("/en/search/?q=fraud&page=1001").status_code == 400


def test_editors_picks_come_first(client, es, page_of):
    article = page_of(ArticlePage, "en", slug="protect-personal-data")
    SearchPromotion.objects.create(query=Query.get("fraud"), page=article, description="Start here")
    html = client.get("/en/search/?q=fraud").content.decode()
    assert html.index("Start here") < html.index('<ol class="results">')


def test_zero_result_queries_are_recorded_for_editors(client, es, admin_client):
    for _ in range(2):
        client.get("/en/search/?q=Quantum+Llama")
    miss = SearchMiss.objects.get(query="quantum llama", language="en")
    assert miss.count == 2
    assert "quantum llama" in admin_client.get("/admin/snippets/search/searchmiss/").content.decode()


def test_fallback_to_the_database_when_the_engine_is_down(client, use_engine):
    use_engine(CLOSED_PORT_URL)
    response = client.get("/search/?q=退保")
    assert response.status_code == 200
    assert "以案说险：“代理退保”骗局" in response.content.decode()
    english = client.get("/en/search/?q=refund&type=article&audience=customers")
    assert english.status_code == 200
    html = english.content.decode()
    assert "temporarily unavailable" in html
    assert "Guide: the cooling-off period" in html
    assert client.get("/search/suggest/?q=退").json() == {"suggestions": []}
    assert client.get("/healthz/").json()["checks"]["search"]["status"] == "degraded"


def test_suggestions_are_json_and_rate_limited(client, es, one_window):
    body = client.get("/en/search/suggest/?q=fake").json()
    assert body["suggestions"][0]["url"] == "/en/articles/fake-surrender-refund-agents/"
    assert client.get("/en/search/suggest/?q=").status_code == 400
    statuses = [client.get("/en/search/suggest/?q=sc").status_code for _ in range(70)]
    assert 429 in statuses and statuses.index(429) >= 58


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=st.dictionaries(
    st.sampled_from(["q", "audience", "topic", "type", "year", "sort", "page"]),
    st.one_of(st.text(max_size=400), st.sampled_from([
        '"unbalanced', "title:(a OR b)^9", "*:*", "a AND NOT b", "\\", "{\"query\": 1}", "9" * 30, "-5", "退保",
        "' OR 1=1 --", "<script>", "article", "2026", "elderly",
    ])),
    max_size=4,
))
def test_hostile_input_never_500s(client, es, params):
    caches["limits"].clear()  # /search/ is rate limited (issue 14); this test is about the parameters
    response = client.get("/en/search/?" + urlencode(params))
    assert response.status_code in {200, 400, 404}, (params, response.status_code)


def test_did_you_mean_on_a_misspelling(client, es):
    html = client.get("/en/search/?q=surender+refund").content.decode()
    assert 'href="?q=surrender%20refund"' in html
