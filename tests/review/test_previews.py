"""The edit form's preview panel: both views of a page or an alert, framed by the admin and nobody else.

Through Wagtail's real preview URLs, as the panel uses them: the form is POSTed to the preview
URL (stored in the session), then the panel's iframe GETs it with ``?mode=``.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.users.models import UserProfile

from alerts.models import FraudAlert
from articles.models import ArticlePage
from campaigns.models import FilmPage

from .admin_helpers import alert_form, article_form, edit_page_url, snippet_url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def production_framing(settings):
    settings.X_FRAME_OPTIONS = "DENY"  # what portal.settings.production sets


def preview_url(page):
    return reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])


def assert_framable_by_the_admin_only(response):
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in csp and "'none'" not in re.search(r"frame-ancestors[^;]*", csp)[0]
    assert "script-src 'self'" in csp  # the rest of the public policy still applies


def is_large_view(response):
    return 'class="view-large"' in response.content.decode()


@pytest.fixture
def article(page_of):
    return page_of(ArticlePage, "zh-hans")


def post_article(client, article, title="预览中的新标题"):
    data = article_form(title, article.slug, "草稿里的一段新文字。", article.audiences.all())
    response = client.post(preview_url(article), data)
    assert response.status_code == 200 and response.json()["is_valid"], response.content


def test_an_editor_previews_a_page_in_both_views_framed_by_the_admin(client, editor, article):
    client.force_login(editor)
    client.cookies["view"] = "large"  # the editor's own choice on the public site does not decide the preview
    post_article(client, article)

    standard = client.get(preview_url(article), {"mode": "standard", "in_preview_panel": "true"})
    assert_framable_by_the_admin_only(standard)
    assert not is_large_view(standard) and "预览中的新标题" in standard.content.decode()

    large = client.get(preview_url(article), {"mode": "large", "in_preview_panel": "true"})
    assert_framable_by_the_admin_only(large)
    assert is_large_view(large) and "预览中的新标题" in large.content.decode()


def test_an_unknown_preview_mode_is_a_404_not_the_standard_view(client, editor, article):
    client.force_login(editor)
    post_article(client, article)
    assert client.get(preview_url(article), {"mode": "<script>"}).status_code == 404


def test_the_edit_form_offers_both_views(client, editor, article):
    client.force_login(editor)
    html = client.get(edit_page_url(article)).content.decode()
    assert "Standard view" in html and "Large-text view" in html


def test_a_film_opens_its_preview_at_phone_width(client, editor, page_of):
    client.force_login(editor)
    html = client.get(edit_page_url(page_of(FilmPage, "zh-hans"))).content.decode()
    mobile = re.search(r'<input[^>]*value="mobile"[^>]*>', html)[0]
    assert "checked" in mobile and 'data-device-width="375"' in mobile


def test_an_editor_previews_an_alert_in_both_views(client, editor):
    client.force_login(editor)
    alert = FraudAlert.objects.filter(locale__language_code="en").first()
    url = snippet_url(alert, "preview_on_edit", alert.pk)
    data = alert_form("Preview of a new warning", "Hang up and call 95511.", alert.audiences.all())
    assert client.post(url, data).json()["is_valid"]

    large = client.get(url, {"mode": "large", "in_preview_panel": "true"})
    assert_framable_by_the_admin_only(large)
    assert is_large_view(large) and "Preview of a new warning" in large.content.decode()
    assert not is_large_view(client.get(url, {"mode": "standard"}))


def test_visitors_cannot_preview_and_public_pages_refuse_every_frame(article):
    visitor = Client()
    response = visitor.get(preview_url(article), {"mode": "large"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("wagtailadmin_login"))

    alert = FraudAlert.objects.active().filter(locale__language_code="en").first()
    for url in (article.url, alert.url):
        public = visitor.get(url)
        assert public.status_code == 200
        assert public["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in public["Content-Security-Policy"]


def test_a_draft_in_preview_never_reaches_the_public_page_and_vice_versa(editor, article, settings):
    """The article's body is a cached fragment (``{% fragment %}``): a preview neither reuses nor fills it."""
    settings.PAGE_CACHE_SECONDS = 300  # the whole-page cache for visitors, as in development and production
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "zh-hans"  # an editor in the Chinese admin previews in the visitors' language
    profile.save()
    editor_client, visitor = Client(), Client()
    editor_client.force_login(editor)
    assert article.title in visitor.get(article.url).content.decode()
    post_article(editor_client, article, title="草稿标题一")
    assert "草稿标题一" in editor_client.get(preview_url(article), {"mode": "standard"}).content.decode()
    public = visitor.get(article.url).content.decode()
    assert "草稿标题一" not in public and article.title in public
