"""``portal.routing`` finds the same page as Wagtail's tree walk, in fewer queries."""

import pytest
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page, Site

from alerts.models import FraudAlert
from articles.models import ArticleIndexPage, ArticlePage
from foundation import cache
from portal import routing
from portal.models import HomePage

pytestmark = pytest.mark.django_db


def wagtail_route(request, site, path):
    """What Wagtail's own ``Page.route_for_request`` answers (None for a 404)."""
    try:
        return site.root_page.localized.specific.route(request, [part for part in path.split("/") if part])
    except Http404:
        return None


def comparable(result):
    """A route result with bound views replaced by their functions (each lookup makes new page objects)."""
    if result is None:
        return None
    return result.page.pk, tuple(getattr(arg, "__func__", arg) for arg in result.args), result.kwargs


def page_paths(language):
    """The path below the language's root of every page in that locale, live or not."""
    site = Site.objects.get(is_default_site=True)
    root = site.root_page.get_translations(inclusive=True).get(locale__language_code=language)
    return [page.url_path[len(root.url_path):] for page in Page.objects.descendant_of(root, inclusive=True)
            .filter(locale__language_code=language)]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_page_routes_as_in_wagtail(language):
    site = Site.objects.get(is_default_site=True)
    request = RequestFactory().get("/")
    paths = page_paths(language)
    assert len(paths) > 20
    alert = FraudAlert.objects.filter(locale__language_code=language).first()
    extra = ["no-such-page/", "articles/no-such-article/", "articles/x/y/z/", f"alerts/{alert.pk}/", "alerts/999999/"]
    with translation.override(language):
        for path in paths + extra:
            ours, theirs = routing.route(request, site, path), wagtail_route(request, site, path)
            assert comparable(ours) == comparable(theirs), path


def test_draft_and_unpublished_pages_answer_404(client, page_of):
    article = page_of(ArticlePage, "en")
    url = article.url
    assert client.get(url).status_code == 200
    article.unpublish()
    assert client.get(url).status_code == 404


def test_a_moved_or_renamed_page_is_found_at_its_new_url_only(client, page_of):
    article = page_of(ArticlePage, "en")
    old_url = article.url
    article.slug = "renamed-for-the-test"
    article.save_revision().publish()
    assert client.get(old_url).status_code == 404
    assert client.get("/en/articles/renamed-for-the-test/").status_code == 200


def test_finding_a_page_and_what_its_template_shows_costs_two_queries(page_of):
    site = Site.objects.get(is_default_site=True)
    request = RequestFactory().get("/")
    article = ArticlePage.objects.live().filter(locale__language_code="en", campaign__isnull=False,
                                                listing_image__isnull=False).first()
    path = article.url_path.split("/", 2)[2]  # below the root
    with translation.override("en"):
        routing.route(request, site, path)  # fills the cached site roots
        cache.invalidate(cache.page_tag(article.pk))  # the route and the page object are built again
        with CaptureQueriesContext(connection) as queries:
            result = routing.route(request, site, path)
            # serve_related: the template's campaign link and picture come with the page
            assert result.page.campaign.pk == article.campaign_id
            assert result.page.listing_image.pk == article.listing_image_id
        assert len(queries) == 2
        with CaptureQueriesContext(connection) as queries:  # until the page is published again: none
            again = routing.route(request, site, path)
            assert again.page.campaign.pk == article.campaign_id and again.page.title == article.title
        assert len(queries) == 0
    assert result.page.specific_class is ArticlePage


def test_site_changes_are_seen_at_once(client, page_of):
    assert client.get("/en/").context["page"].specific_class is HomePage
    site = Site.objects.get(is_default_site=True)
    site.root_page = page_of(ArticleIndexPage, "zh-hans")
    site.save()
    # The cached site and its language roots follow the change on the next request.
    assert client.get("/en/").context["page"].specific_class is ArticleIndexPage


def test_a_language_whose_home_is_not_live_is_served_from_the_root_as_in_wagtail(page_of):
    site = Site.objects.get(is_default_site=True)
    request = RequestFactory().get("/")
    page_of(HomePage, "en").unpublish()
    with translation.override("en"):
        ours, theirs = routing.route(request, site, "articles/"), wagtail_route(request, site, "articles/")
    assert comparable(ours) == comparable(theirs)
    assert ours.page.locale.language_code == "zh-hans"
