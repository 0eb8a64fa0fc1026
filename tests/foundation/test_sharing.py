"""Crawlers and sharing: sitemap with hreflang, robots.txt, canonical and share cards; new pages' budgets."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from wagtail.models import Page, PageViewRestriction

from alerts.models import FraudAlert
from articles.models import ArticleIndexPage, ArticlePage, QuizPage
from campaigns.models import EventPage, FilmPage
from portal.models import AudiencePage, HomePage, ReportFormPage, StandardPage

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.find("s:loc", NS).text: {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_both_languages_with_hreflang_alternates(client, page_of):
    entries = sitemap_entries(client)
    base = settings.SITE_BASE_URL
    for model in (HomePage, ArticlePage, QuizPage, ReportFormPage, EventPage):
        zh, en = page_of(model, "zh-hans"), page_of(model, "en")
        assert zh.get_translation(en.locale) == en
        for page in (zh, en):
            expected = {"zh-Hans": base + zh.url, "en": base + en.url, "x-default": base + zh.url}
            assert entries[base + page.url] == expected
    alert = FraudAlert.objects.active().filter(locale__language_code="en").first()
    assert entries[base + alert.url]["zh-Hans"].startswith(base + "/alerts/")


def test_sitemap_leaves_out_drafts_and_private_pages(client, page_of):
    article, standard = page_of(ArticlePage, "en"), page_of(StandardPage, "en")
    article_url, standard_url = settings.SITE_BASE_URL + article.url, settings.SITE_BASE_URL + standard.url
    article.unpublish()
    PageViewRestriction.objects.create(page=standard, restriction_type=PageViewRestriction.LOGIN)
    entries = sitemap_entries(client)
    assert article_url not in entries and standard_url not in entries
    assert len(entries) > Page.objects.live().count() // 2
    assert all(url.startswith(settings.SITE_BASE_URL + "/") for url in entries)


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_off_queries(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: " in text and "/sitemap.xml" in text
    assert "Disallow: /check/" in text and "Disallow: /en/check/" in text


@pytest.mark.parametrize("model", [
    HomePage, StandardPage, AudiencePage, ArticleIndexPage, ArticlePage, FilmPage, EventPage, QuizPage, ReportFormPage,
])
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_page_has_a_canonical_url_and_a_share_card(client, page_of, model, language):
    page = page_of(model, language)
    html = client.get(page.url).content.decode()
    url = settings.SITE_BASE_URL + page.url
    assert f'<link rel="canonical" href="{url}">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert re.search(r'<meta property="og:title" content="[^"]+">', html)
    assert '<meta property="og:locale" content="%s">' % ("zh_CN" if language == "zh-hans" else "en_US") in html
    image = re.search(r'<meta property="og:image" content="([^"]+)">', html)
    if page.specific.listing_image_id or hasattr(page.specific, "poster_url"):
        assert image and image.group(1).startswith(settings.SITE_BASE_URL + "/")
        assert '<meta name="twitter:card" content="summary_large_image">' in html
        path = image.group(1).removeprefix(settings.SITE_BASE_URL)
        if path.startswith(settings.MEDIA_URL):  # a rendition of the listing image (media are served by the web server)
            assert default_storage.exists(path.removeprefix(settings.MEDIA_URL))
        else:
            assert client.get(path)["Content-Type"] == "image/png"


def test_an_alert_page_shares_the_alert_and_its_poster(client):
    alert = FraudAlert.objects.active().filter(locale__language_code="en").first()
    html = client.get(alert.url).content.decode()
    assert f'<link rel="canonical" href="{settings.SITE_BASE_URL}{alert.url}">' in html
    assert f'<meta property="og:title" content="{alert.title}">' in html
    assert f'<meta property="og:image" content="{settings.SITE_BASE_URL}{alert.url}poster.png">' in html


@pytest.mark.parametrize("model, budget", [(QuizPage, 15), (ReportFormPage, 15)], ids=["QuizPage", "ReportFormPage"])
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_query_budget_of_the_new_pages(client, page_of, django_assert_max_num_queries, model, budget, language):
    page = page_of(model, language)
    client.get(page.url)
    with django_assert_max_num_queries(budget):
        assert client.get(page.url).status_code == 200


@pytest.mark.parametrize("model", [QuizPage, ReportFormPage])
def test_new_pages_have_no_inline_scripts_or_styles(client, page_of, model):
    html = client.get(page_of(model, "en").url).content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert " style=" not in html and "<style" not in html
