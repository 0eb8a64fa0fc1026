"""Private and unpublished pages stay out of listings; the admin edit view opens for every page type."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction

from articles.models import ArticlePage
from portal.models import HomePage

from .test_pages import PAGE_TYPES

pytestmark = pytest.mark.django_db


def test_private_page_disappears_from_listings_and_returns_when_public(client, page_of):
    article = page_of(ArticlePage, "en", slug="compliant-selling")
    assert article.title in client.get("/en/articles/").content.decode()
    restriction = PageViewRestriction.objects.create(page=article, restriction_type="login")
    assert article.title not in client.get("/en/articles/").content.decode()
    assert client.get(article.url).status_code == 302  # to the login page
    restriction.delete()
    assert article.title in client.get("/en/articles/").content.decode()


def test_unpublished_page_leaves_listings_menus_and_urls(client, page_of):
    article = page_of(ArticlePage, "zh-hans", slug="compliant-selling")
    url = article.url
    article.unpublish()
    assert article.title not in client.get("/articles/").content.decode()
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_admin_edit_view_opens(client, page_of, model):
    client.force_login(get_user_model().objects.get(username="admin"))
    page = page_of(model, "zh-hans")
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200


def test_admin_snippet_listings_open(client):
    client.force_login(get_user_model().objects.get(username="admin"))
    for url in ("/admin/snippets/alerts/fraudalert/", "/admin/snippets/foundation/audience/",
                "/admin/snippets/review/officialcontact/", "/admin/snippets/review/claimrule/"):
        assert client.get(url).status_code == 200, url


def test_home_is_the_site_root(page_of):
    from wagtail.models import Site

    assert Site.objects.get(is_default_site=True).root_page.specific == page_of(HomePage, "zh-hans")
