"""Shareable posters: 1080×1920 PNGs whose QR code leads back to the page, with real Chinese text."""

import io

import pytest
import zxingcpp
from django.conf import settings
from PIL import Image, ImageChops

from alerts.models import AlertIndexPage, FraudAlert
from articles.models import ArticlePage
from campaigns.models import CampaignPage, FilmPage
from foundation import posters
from portal.models import StandardPage

pytestmark = pytest.mark.django_db
TITLE_AREA = (80, 330, 1000, 760)  # where the title and summary are drawn


def fetch_poster(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG" and image.size == (1080, 1920)
    return image.convert("RGB")


def decoded_urls(image):
    return [result.text for result in zxingcpp.read_barcodes(image) if result.format == zxingcpp.BarcodeFormat.QRCode]


def ink(image, box):
    """How many pixels in ``box`` are not white."""
    histogram = image.crop(box).convert("L").point(lambda value: 255 if value < 250 else 0).histogram()
    return histogram[255]


@pytest.mark.parametrize("model", [ArticlePage, FilmPage, CampaignPage])
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_page_posters_decode_to_the_page_address(client, page_of, model, language):
    page = page_of(model, language)
    image = fetch_poster(client, page.url + "poster.png")
    assert decoded_urls(image) == [settings.SITE_BASE_URL + page.url]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_alert_posters_decode_to_the_alert_page(client, language):
    alert = FraudAlert.objects.active().filter(locale__language_code=language).first()
    image = fetch_poster(client, alert.url + "poster.png")
    assert decoded_urls(image) == [settings.SITE_BASE_URL + alert.url]
    assert f'href="{alert.url}poster.png"' in client.get(alert.url).content.decode()


def test_a_chinese_poster_draws_real_glyphs():
    """Different Chinese titles give different pixels (missing glyphs would all be the same empty box)."""
    def render(title):
        content = posters.PosterContent(language="zh-hans", url="http://127.0.0.1:8000/x/", title=title)
        return Image.open(io.BytesIO(posters.render_poster(content))).convert("RGB")

    render = {title: render(title) for title in ("", "以案说险", "全额退保")}
    assert ink(render[""], TITLE_AREA) == 0
    assert ink(render["以案说险"], TITLE_AREA) > 2000
    difference = ImageChops.difference(render["以案说险"], render["全额退保"]).crop(TITLE_AREA)
    assert difference.getbbox() is not None


def test_a_chinese_page_poster_has_its_title_inked(client, page_of):
    page = page_of(ArticlePage, "zh-hans", slug="fake-surrender-refund-agents")
    image = fetch_poster(client, page.url + "poster.png")
    blank = Image.open(io.BytesIO(posters.render_poster(posters.PosterContent(
        language="zh-hans", url=settings.SITE_BASE_URL + page.url, title="", label=str(page.listing_label),
        badges=tuple(audience.name for audience in page.audience_list()),
    )))).convert("RGB")
    assert ink(image, TITLE_AREA) > ink(blank, TITLE_AREA) + 5000


def test_republishing_regenerates_the_poster(client, page_of):
    page = page_of(ArticlePage, "en")
    before = client.get(page.url + "poster.png").content
    assert client.get(page.url + "poster.png").content == before  # cached, and stable
    page.title = "Case study: a brand new title"
    page.save_revision().publish()
    page.refresh_from_db()
    after = client.get(page.url + "poster.png").content
    assert after != before
    assert decoded_urls(Image.open(io.BytesIO(after)).convert("RGB")) == [settings.SITE_BASE_URL + page.url]


def test_posters_are_cached_until_something_changes(client, page_of, monkeypatch):
    page = page_of(FilmPage, "en")
    client.get(page.url + "poster.png")
    monkeypatch.setattr(posters, "render_poster", lambda content: pytest.fail("drawn again"))
    assert client.get(page.url + "poster.png").status_code == 200


def test_no_cjk_font_answers_503_with_an_explanation(client, page_of, monkeypatch):
    monkeypatch.setattr(posters, "find_fonts", lambda: None)
    response = client.get(page_of(ArticlePage, "en").url + "poster.png")
    assert response.status_code == 503
    assert "font" in response.content.decode() and response["Retry-After"]


def test_only_live_pages_with_posters_have_one(client, page_of):
    assert client.get(page_of(StandardPage, "en").url + "poster.png").status_code == 404
    article = page_of(ArticlePage, "en")
    url = article.url
    article.unpublish()
    assert client.get(url + "poster.png").status_code == 404
    alerts = page_of(AlertIndexPage, "en").url
    draft = FraudAlert.objects.filter(locale__language_code="en").first()
    FraudAlert.objects.filter(pk=draft.pk).update(live=False)
    assert client.get(f"{alerts}{draft.pk}/poster.png").status_code == 404
    assert client.get(f"{alerts}999999/poster.png").status_code == 404


@pytest.mark.parametrize("model", [ArticlePage, FilmPage, CampaignPage])
def test_pages_offer_their_poster_and_share_it(client, page_of, model):
    page = page_of(model, "en")
    html = client.get(page.url).content.decode()
    assert f'href="{page.url}poster.png"' in html
    assert f'<meta property="og:image" content="{settings.SITE_BASE_URL}{page.url}poster.png">' in html
