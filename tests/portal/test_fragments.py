"""Listings built from other pages are cached as template fragments, and never shown stale.

The home page's listings and a campaign's related pages are ``{% fragment %}`` blocks
(``foundation_tags``) depending on what the page shows: these tests render a page, change content
the way editors do, and expect the change on the very next request, with the whole-page cache off;
then the tag itself: its entries, its timeout, its dependencies.
"""

import pytest
from django.utils import timezone, translation

from alerts.models import FraudAlert
from articles.models import ArticleIndexPage, ArticlePage
from campaigns.models import CampaignPage, FilmPage
from foundation import cache

pytestmark = pytest.mark.django_db


def publish_article(page_of, title, **fields):
    index = page_of(ArticleIndexPage, "en")
    article = index.add_child(instance=ArticlePage(title=title, slug="fragment-test", summary="A summary.", live=False,
                                                    **fields))
    article.save_revision().publish()
    return article


def test_home_shows_a_newly_published_article_at_once(client, page_of):
    assert "Brand-new warning" not in client.get("/en/").content.decode()
    publish_article(page_of, "Brand-new warning")
    assert "Brand-new warning" in client.get("/en/").content.decode()


def test_home_drops_an_unpublished_article_at_once(client, page_of):
    article = page_of(ArticlePage, "en")
    html = client.get("/en/").content.decode()
    newest = ArticlePage.objects.live().filter(locale=article.locale).order_by("-first_published_at").first()
    assert newest.title in html
    newest.unpublish()
    assert newest.title not in client.get("/en/").content.decode()


def test_home_shows_a_new_alert_at_once(client, page_of):
    client.get("/en/")
    alert = FraudAlert.objects.filter(locale__language_code="en").first()
    FraudAlert.objects.create(locale=alert.locale, title="Fake refund texts this week", summary="Do not click.",
                              severity=FraudAlert.Severity.CRITICAL, active_from=timezone.now())
    assert "Fake refund texts this week" in client.get("/en/").content.decode()


def test_large_text_and_standard_views_keep_separate_listings(client):
    client.cookies["view"] = "large"
    large = client.get("/en/").content.decode()
    del client.cookies["view"]
    standard = client.get("/en/").content.decode()
    assert 'class="card__image"' not in large  # cards drop their pictures in the large view
    assert 'class="card__image"' in standard


def test_campaign_shows_a_newly_linked_film_at_once(client, page_of):
    campaign = page_of(CampaignPage, "en")
    assert client.get(campaign.url).status_code == 200
    film = FilmPage.objects.live().filter(locale=campaign.locale).exclude(campaign=campaign).first()
    film.campaign = campaign
    film.save_revision().publish()
    assert film.title in client.get(campaign.url).content.decode()


def test_a_home_page_with_cached_listings_costs_no_query(client, django_assert_num_queries):
    client.get("/en/")
    # The route, the page and the listings come from the cache until what they show is published.
    with django_assert_num_queries(0):
        assert client.get("/en/").status_code == 200


def render(source, **context):
    from django.template import Context, Template

    return Template("{% load foundation_tags %}" + source).render(Context(context))


@translation.override("en")
def test_a_fragment_is_kept_per_name_parts_and_language_until_one_of_its_tags_changes():
    builds = []

    def build():
        builds.append(1)
        return f"build {len(builds)}"

    block = "{% fragment demo part tags=tags %}{{ build }}{% endfragment %}"
    assert render(block, build=build, part="a", tags=["page:1"]) == "build 1"
    assert render(block, build=build, part="a", tags=["page:1"]) == "build 1"
    assert render(block, build=build, part="b", tags=["page:1"]) == "build 2"  # another part
    with translation.override("zh-hans"):
        assert render(block, build=build, part="a", tags=["page:1"]) == "build 3"  # another language
    cache.invalidate("page:2")
    assert render(block, build=build, part="a", tags=["page:1"]) == "build 1"
    cache.invalidate("page:1")
    assert render(block, build=build, part="a", tags=["page:1"]) == "build 4"


def test_a_fragment_with_a_timeout_is_rebuilt_when_it_expires(monkeypatch):
    import time

    builds = []

    def build():
        builds.append(1)
        return len(builds)

    block = "{% fragment clock timeout=60 %}{{ build }}{% endfragment %}"
    assert render(block, build=build) == render(block, build=build) == "1"
    later = time.time() + 61
    monkeypatch.setattr(time, "time", lambda: later)
    assert render(block, build=build) == "2"  # this request took the lock and rebuilt it


def test_a_fragment_records_its_dependencies_for_the_page_around_it():
    with cache.collecting() as seen:
        render("{% fragment deps tags=tags %}x{% endfragment %}", tags=["page:7"])
    assert "page:7" in seen
    with cache.collecting() as seen:  # a hit passes them on too
        render("{% fragment deps tags=tags %}x{% endfragment %}", tags=["page:7"])
    assert "page:7" in seen
