"""Item 5 of issue 14: a page made private leaves every cache at once, and its password/login views work."""

import re

import pytest
from wagtail.models import PageViewRestriction

from articles.models import ArticleIndexPage, ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def test_making_a_page_private_takes_it_out_of_the_page_cache_and_the_menus(client, page_of):
    article = page_of(ArticlePage, "en", slug="compliant-selling")
    index = page_of(ArticleIndexPage, "en")
    assert client.get(article.url)["X-Page-Cache"] == "miss"
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    assert article.title in client.get(index.url).content.decode()
    PageViewRestriction.objects.create(page=article, restriction_type="login")
    response = client.get(article.url)
    assert response.status_code == 302 and "/_util/login/" in response["Location"]
    assert article.title not in client.get(index.url).content.decode()  # the listing (a cached fragment) too


def test_the_password_form_reaches_wagtails_view(client, page_of):
    article = page_of(ArticlePage, "en", slug="compliant-selling")
    PageViewRestriction.objects.create(page=article, restriction_type="password", password="zorbex-2026")
    form = client.get(article.url)
    assert form.status_code == 200
    action = re.search(r'action="([^"]*_util/authenticate_with_password/[^"]*)"', form.content.decode()).group(1)
    wrong = client.post(action, {"password": "nope", "return_url": article.url})
    assert wrong.status_code == 200
    right = client.post(action, {"password": "zorbex-2026", "return_url": article.url})
    assert right.status_code == 302
    page = client.get(article.url)
    assert page.status_code == 200 and article.title in page.content.decode()


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_login_redirect_reaches_wagtails_view(client, prefix):
    response = client.get(f"{prefix}/_util/login/?next=/en/articles/")
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
