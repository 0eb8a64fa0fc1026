"""Every page type renders in both languages with its key content; the tree rules hold."""

import pytest
from wagtail.models import Page

from alerts.models import AlertIndexPage
from articles.models import ArticleIndexPage, ArticlePage, QuizPage
from campaigns.models import CampaignIndexPage, CampaignPage, EventIndexPage, EventPage, FilmIndexPage, FilmPage
from portal.models import AudiencePage, HelpPage, HomePage, ReportFormPage, StandardPage

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    HomePage, StandardPage, AudiencePage, AlertIndexPage, CampaignIndexPage, CampaignPage,
    EventIndexPage, EventPage, FilmIndexPage, FilmPage, ArticleIndexPage, ArticlePage, QuizPage, ReportFormPage,
    HelpPage,
]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_renders_in_both_languages(client, page_of, model, language):
    page = page_of(model, language)
    assert page is not None, f"the demo has no {model.__name__} in {language}"
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert page.title in html
    expected_lang = "zh-Hans" if language == "zh-hans" else "en"
    assert f'<html lang="{expected_lang}">' in html
    if language == "en":
        assert page.url.startswith("/en/")
    else:
        assert not page.url.startswith("/en/")


def test_home_shows_live_campaign_alerts_audiences_films_articles_and_events(client, page_of):
    html = client.get("/").content.decode()
    newest_film = FilmPage.objects.live().filter(locale__language_code="zh-hans").order_by("-first_published_at").first()
    for text in ("冬季反诈专项行动", "警惕冒充保险公司的“退保专员”", "老年朋友", newest_film.title, "以案说险", "社区防骗讲座"):
        assert text in html, text


def test_case_study_shows_lessons_sections(client, page_of):
    page = page_of(ArticlePage, "en", slug="fake-surrender-refund-agents")
    html = client.get(page.url).content.decode()
    for heading in ("What happened", "Red flags", "How to protect yourself", "Where to report"):
        assert heading in html
    assert "12378" in html


def test_provider_film_is_a_facade_without_third_party_embed(client, page_of):
    page = page_of(FilmPage, "zh-hans", slug="the-refund-call")
    html = client.get(page.url).content.decode()
    assert 'data-embed-url="https://player.bilibili.com/player.html?bvid=BV1GJ411x7h7&amp;autoplay=0' in html
    assert "<iframe" not in html
    assert "旁白" in html  # the transcript is on the page


def test_self_hosted_film_has_captions_track(client, page_of):
    page = page_of(FilmPage, "en", slug="anti-fraud-short")
    html = client.get(page.url).content.decode()
    assert '<track kind="captions"' in html and 'srclang="en"' in html
    assert page.captions.file.read().startswith(b"WEBVTT")


def test_campaign_lists_its_events_films_and_articles(client, page_of):
    campaign = page_of(CampaignPage, "zh-hans", kind="anti-fraud-drive")
    assert campaign.status == "live"
    html = client.get(campaign.url).content.decode()
    assert "社区防骗讲座" in html
    assert "微电影《退保来电》" in html
    assert "以案说险：“代理退保”骗局" in html


def test_alert_detail_and_unknown_alert(client, page_of):
    index = page_of(AlertIndexPage, "en")
    html = client.get(index.url).content.decode()
    assert "Active alerts" in html and "Past alerts" in html
    assert "Beware of “cancel your student loan” scams" in html  # an expired alert is listed as past
    assert client.get(index.url + "999999/").status_code == 404


@pytest.mark.parametrize("url", ["/no-such-page/", "/en/no-such-page/", "/articles/no-such-article/", "/alerts/abc/"])
def test_unknown_urls_are_404(client, url):
    assert client.get(url).status_code == 404


def test_language_switch_lands_on_the_translation(client, page_of, settings):
    page = page_of(ArticlePage, "zh-hans", slug="cooling-off-period")
    html = client.get(page.url).content.decode()
    assert 'href="/en/articles/cooling-off-period/"' in html
    # The site's own address (SITE_BASE_URL), not the request's Host header (issue 14).
    assert f'hreflang="en" href="{settings.SITE_BASE_URL}/en/articles/cooling-off-period/"' in html


@pytest.mark.parametrize(
    "child, parent, allowed",
    [
        (ArticlePage, ArticleIndexPage, True),
        (ArticlePage, HomePage, False),
        (EventPage, CampaignPage, True),
        (EventPage, EventIndexPage, True),
        (EventPage, ArticleIndexPage, False),
        (CampaignPage, CampaignIndexPage, True),
        (CampaignPage, HomePage, False),
        (FilmPage, FilmIndexPage, True),
        (FilmPage, CampaignPage, False),
        (HomePage, HomePage, False),
        (AudiencePage, HomePage, True),
        (StandardPage, StandardPage, True),
        (HelpPage, HomePage, False),  # one per home page, and the demo has it
        (HelpPage, StandardPage, False),
    ],
    ids=lambda value: getattr(value, "__name__", str(value)),
)
def test_page_type_rules(page_of, child, parent, allowed):
    parent_page = page_of(parent)
    assert child.can_create_at(parent_page) is allowed


def test_only_one_alert_index_per_home(page_of):
    assert AlertIndexPage.can_create_at(page_of(HomePage)) is False


def test_demo_tree_has_no_pages_outside_the_rules():
    for page in Page.objects.filter(depth__gt=1).specific():
        parent = page.get_parent().specific
        assert type(page).can_exist_under(parent), f"{type(page).__name__} under {type(parent).__name__}"
