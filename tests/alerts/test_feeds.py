"""Atom feeds of alerts and articles: valid, absolute links, dates, only what the public can see."""

import datetime

import feedparser
import pytest
from django.conf import settings
from django.utils import timezone

from alerts.models import FraudAlert
from articles.models import ArticlePage

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


@pytest.mark.parametrize("url, language", [("/feeds/articles/", "zh-hans"), ("/en/feeds/articles/", "en")])
def test_articles_feed_lists_the_live_articles_of_its_language(client, url, language):
    feed = parse(client, url)
    live = ArticlePage.objects.live().filter(locale__language_code=language)
    assert {entry.title for entry in feed.entries} == set(live.values_list("title", flat=True))
    for entry in feed.entries:
        assert entry.link.startswith(settings.SITE_BASE_URL + "/")
        assert entry.updated_parsed and entry.published_parsed
    assert feed.feed.link.startswith(settings.SITE_BASE_URL)
    assert feed.feed.language == language


def test_an_unpublished_article_leaves_the_feed(client, page_of):
    article = page_of(ArticlePage, "en")
    article.unpublish()
    titles = {entry.title for entry in parse(client, "/en/feeds/articles/").entries}
    assert article.title not in titles and titles


@pytest.mark.parametrize("url, language", [("/feeds/alerts/", "zh-hans"), ("/en/feeds/alerts/", "en")])
def test_alerts_feed_lists_issued_published_alerts(client, url, language):
    feed = parse(client, url)
    issued = FraudAlert.objects.published().filter(locale__language_code=language, active_from__lte=timezone.now())
    assert len(feed.entries) == issued.count() == 5
    for alert, entry in zip(issued.order_by("-active_from"), feed.entries):
        assert alert.title in entry.title
        assert entry.link == settings.SITE_BASE_URL + alert.url
        assert client.get(alert.url).status_code == 200


def test_drafts_and_future_alerts_stay_out_of_the_feed(client):
    locale = FraudAlert.objects.filter(locale__language_code="en").first().locale
    draft = FraudAlert.objects.create(locale=locale, title="A draft warning", summary="x", live=False)
    future = FraudAlert(locale=locale, title="A warning for next week", summary="x",
                        active_from=timezone.now() + datetime.timedelta(days=7))
    future.save()
    future.save_revision().publish()
    titles = " ".join(entry.title for entry in parse(client, "/en/feeds/alerts/").entries)
    assert draft.title not in titles and future.title not in titles


def test_every_page_links_its_feeds(client):
    html = client.get("/en/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/en/feeds/alerts/"' in html and 'href="/en/feeds/articles/"' in html
