"""Page types describe themselves: listings, search and the review ask the page, never a table of types."""

import pytest
from django.utils import timezone

from alerts.models import FraudAlert
from articles.models import ArticlePage
from campaigns.models import CampaignPage, EventPage, FilmPage
from foundation.models import listed_page_types
from portal.models import AudiencePage, StandardPage
from review.checks import run_checks
from search.indexing import alert_document, page_document
from search.kinds import searchable_kinds

pytestmark = pytest.mark.django_db


def test_the_listed_types_are_the_ones_that_declare_a_kind():
    assert listed_page_types() == {"article": ArticlePage, "event": EventPage, "film": FilmPage, "campaign": CampaignPage}
    assert set(listed_page_types(audience_targeted=True)) == {"article", "event", "film", "campaign"}


def test_search_files_pages_and_alerts_under_their_own_kinds(page_of):
    assert set(searchable_kinds()) == {"article", "event", "film", "campaign", "alert", "page"}
    assert page_document(page_of(ArticlePage, "en"))["content_type"] == "article"
    assert page_document(page_of(StandardPage, "en"))["content_type"] == "page"
    alert = FraudAlert.objects.filter(live=True).first()
    assert alert_document(alert)["content_type"] == "alert"


def test_each_type_gives_its_facet_year(page_of):
    campaign = page_of(CampaignPage, "en")
    event = page_of(EventPage, "en")
    article = page_of(ArticlePage, "en")
    assert page_document(campaign)["year"] == campaign.start_date.year
    assert page_document(event)["year"] == timezone.localtime(event.start).year
    assert page_document(article)["year"] == timezone.localtime(article.first_published_at).year


def test_topic_means_the_tag_slug_in_search_and_listings(client, page_of):
    article = page_of(ArticlePage, "en", topics__isnull=False)
    tag = article.topics.first()
    assert tag.slug in page_document(article)["topics"]
    assert tag.name not in page_document(article)["topics"] or tag.name == tag.slug
    listing = client.get(article.get_parent().url, {"topic": tag.slug})
    assert article.title in listing.content.decode()


def test_an_old_search_link_with_a_topic_name_still_filters(client, page_of):
    article = page_of(ArticlePage, "en", topics__isnull=False)
    tag = article.topics.first()
    by_name = client.get("/en/search/", {"q": article.title.split()[0], "topic": tag.name})
    by_slug = client.get("/en/search/", {"q": article.title.split()[0], "topic": tag.slug})
    assert by_name.status_code == by_slug.status_code == 200
    assert by_name.context["filters"]["topic"] == tag.slug


def test_the_audience_page_offers_every_listed_kind(client, page_of):
    page = page_of(AudiencePage, "en")
    html = client.get(page.url).content.decode()
    for kind in ("article", "film", "event", "campaign"):
        assert f'href="?kind={kind}"' in html
    assert client.get(page.url, {"kind": "alert"}).status_code == 400


def test_a_film_checks_its_own_captions_and_transcript(page_of):
    film = page_of(FilmPage, "en", video_url="")  # self-hosted: needs captions
    assert not [issue for issue in run_checks(film).errors if "caption" in issue.message.lower()]
    film.captions = None
    film.transcript = ""
    messages = [issue.message for issue in run_checks(film).errors]
    assert any("captions" in message for message in messages)
    assert any("transcript" in message for message in messages)
