"""The anonymous page cache: hits cost no SQL, variants stay apart, changes show at once, nobody's state leaks."""

import pytest
from django.contrib.auth import get_user_model

from articles.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def test_second_anonymous_request_is_a_cache_hit_without_sql(client, page_of, django_assert_num_queries):
    url = page_of(ArticlePage, "en").url
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss" and "public" in first["Cache-Control"]
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_language_and_large_text_are_separate_variants(client):
    standard = client.get("/en/").content
    client.cookies["view"] = "large"
    large = client.get("/en/")
    assert large["X-Page-Cache"] == "miss"
    assert large.content != standard


def test_publishing_invalidates(client, page_of):
    article = page_of(ArticlePage, "en", slug="compliant-selling")
    client.get("/en/articles/")
    article.title = "Compliant selling, revised"
    article.save_revision().publish()
    response = client.get("/en/articles/")
    assert response["X-Page-Cache"] == "miss"
    assert "Compliant selling, revised" in response.content.decode()


def test_logged_in_editors_never_get_cached_pages(client):
    client.get("/en/")
    client.force_login(get_user_model().objects.get(username="admin"))
    response = client.get("/en/")
    assert "X-Page-Cache" not in response


def test_responses_that_set_cookies_or_embed_csrf_tokens_are_not_stored(client):
    client.get("/en/?view=large")  # the switch sets a cookie: a redirect, never stored
    search = client.get("/en/search/?q=fraud")
    assert "X-Page-Cache" not in search
    for _ in range(2):
        response = client.get("/en/")
    assert not response.cookies


def test_made_up_query_parameters_are_not_cached_variants(client):
    assert client.get("/en/articles/?page=1")["X-Page-Cache"] == "miss"
    assert client.get("/en/articles/?page=1")["X-Page-Cache"] == "hit"
    for _ in range(2):
        response = client.get("/en/articles/?utm_source=spam&x=1")
        assert response.status_code == 200
        assert "X-Page-Cache" not in response


def test_cached_pages_carry_validators_and_answer_304(client):
    first = client.get("/en/")
    assert first["ETag"] and first["Last-Modified"]
    hit = client.get("/en/")
    assert hit["X-Page-Cache"] == "hit" and hit["ETag"] == first["ETag"]
    revalidated = client.get("/en/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert revalidated.status_code == 304 and revalidated.content == b""
    assert client.get("/en/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert client.get("/en/", HTTP_IF_NONE_MATCH='"something-else"').status_code == 200
