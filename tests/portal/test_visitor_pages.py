"""Smaller things visitors meet on the public pages (issue 16), read from the HTML the real views serve.

The home page's alerts are links and each listed section links to its full listing; campaign pages
say their theme once and show no placeholder text; an alert page shows its summary once (and no
banner repeating its own title); a film's play button does not double the title's marks.
"""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.translation import gettext

from alerts.models import AlertIndexPage, FraudAlert
from articles.models import ArticleIndexPage
from campaigns.models import CampaignPage, EventIndexPage, FilmIndexPage, FilmPage
from portal.models import HomePage

pytestmark = pytest.mark.django_db

LANGUAGES = ["zh-hans", "en"]


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def section(html, heading_id):
    return html.find(id=heading_id).find_parent("section")


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_alerts_are_links_to_their_pages(client, page_of, language):
    html = soup(client, page_of(HomePage, language).url)
    items = section(html, "alerts-heading").select("li.alert")
    alerts = list(FraudAlert.objects.active().filter(locale__language_code=language)[:3])
    assert len(items) == len(alerts) > 0
    for item, alert in zip(items, alerts, strict=True):
        link = item.find("a")
        assert link is not None and link["href"] == alert.url and link.get_text(strip=True) == alert.title
        assert client.get(link["href"]).status_code == 200


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_home_listing_has_a_more_link_to_its_index(client, page_of, language):
    html = soup(client, page_of(HomePage, language).url)
    expected = {
        "alerts-heading": (AlertIndexPage, "All fraud alerts"), "films-heading": (FilmIndexPage, "All micro-films"),
        "articles-heading": (ArticleIndexPage, "All articles"), "events-heading": (EventIndexPage, "All activities"),
    }
    for heading_id, (model, label) in expected.items():
        more = section(html, heading_id).select_one(".section__more a")
        assert more is not None, f"the {heading_id} section has no more link"
        assert more["href"] == page_of(model, language).url
        with translation.override(language):
            assert more.get_text(strip=True).startswith(gettext(label))


def test_a_more_link_disappears_with_its_listing_page(client, page_of):
    page_of(FilmIndexPage, "en").unpublish()
    html = soup(client, page_of(HomePage, "en").url)
    films = html.find(id="films-heading")
    assert films is None or section(html, "films-heading").select_one(".section__more") is None
    assert section(html, "articles-heading").select_one(".section__more a")


@pytest.mark.parametrize("language", LANGUAGES)
def test_campaign_page_says_its_theme_once_without_placeholders(client, page_of, language):
    campaign = page_of(CampaignPage, language, kind="anti-fraud-drive")
    assert campaign.summary == campaign.theme  # the demo's case: an editor filled both alike
    main = soup(client, campaign.url).find("main")
    assert main.get_text().count(campaign.theme) == 1
    sections = main.select(".audience-section")
    assert len(sections) == 4
    texts = [block.get_text(" ", strip=True) for block in sections]
    assert not any("Content prepared for you" in text or "我们为您准备了专门的内容" in text for text in texts), texts
    assert len(set(texts)) == 4, "each audience gets its own advice"
    for block in sections:  # the heading says something beyond the audience's name above it
        assert block.find("h2").get_text(strip=True) != block.select_one(".card__label").get_text(strip=True)


@pytest.mark.parametrize("language", LANGUAGES)
def test_alert_page_shows_its_summary_once_and_no_banner_of_itself(client, language):
    index = AlertIndexPage.objects.live().filter(locale__language_code=language).first()
    alert = FraudAlert.objects.active().filter(locale__language_code=language).first()
    assert alert.body.count(alert.summary) == 1  # the demo's body only repeats the summary
    html = soup(client, index.url + index.reverse_subpage("alert_route", args=[alert.pk]))
    assert html.get_text().count(alert.summary) == 1
    assert html.select(".alert-banner") == []
    h1 = html.find("main").find("h1")
    assert h1.get_text(strip=True) == alert.title and "lead" in h1.find_next("p")["class"]
    # Elsewhere the banner still shows this alert.
    assert soup(client, index.url).select_one(".alert-banner a")["href"] == alert.url


def play_label(client, film):
    return soup(client, film.url).select_one(".video-facade__play").get_text(" ", strip=True)


def test_film_button_does_not_double_the_title_marks(client, page_of):
    film = page_of(FilmPage, "zh-hans", slug="the-refund-call")
    assert "《" in film.title
    label = play_label(client, film)
    assert film.title in label and "《《" not in label and "》》" not in label and "“" + film.title not in label


def test_film_button_quotes_a_title_without_marks(client, page_of):
    film = page_of(FilmPage, "en", slug="the-refund-call")
    assert "“" not in film.title and "《" not in film.title
    assert f"“{film.title}”" in play_label(client, film)
    film.title = "Micro-film “The refund call”"
    film.save_revision().publish()
    label = play_label(client, page_of(FilmPage, "en", slug="the-refund-call"))
    assert "Micro-film “The refund call”" in label and "““" not in label
