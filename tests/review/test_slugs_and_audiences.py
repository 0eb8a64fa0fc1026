"""Friction in the editor's forms: short readable slugs for Chinese titles, one language's audiences as checkboxes."""

import re

import pytest
from django.utils.text import slugify

from alerts.models import FraudAlert
from articles.models import ArticlePage
from foundation.models import Audience
from foundation.slugs import readable_slug

from .admin_helpers import alert_form, article_form, create_article_url, edit_page_url, snippet_url

pytestmark = pytest.mark.django_db

TITLE = "警惕冒充银行客服的退款电话：骗子常用的五个新套路与识别方法"


def create(client, index, title, slug):
    """Create an article through the admin, with the slug the admin's own script fills in (or one typed)."""
    assert client.post(create_article_url(index), article_form(title, slug, "正文。")).status_code == 302
    return ArticlePage.objects.filter(title=title).order_by("-pk").first()


def test_a_chinese_title_gets_a_short_pinyin_slug(client, editor, articles_zh):
    client.force_login(editor)
    page = create(client, articles_zh, TITLE, slugify(TITLE, allow_unicode=True))
    assert page.slug == "jing-ti-mao-chong-yin-hang-ke-fu-de-tui-kuan-dian"  # 银行 is yin-hang, cut between syllables
    assert page.url_path.endswith(f"/{page.slug}/") and page.get_latest_revision_as_object().slug == page.slug
    again = create(client, articles_zh, TITLE, slugify(TITLE, allow_unicode=True))
    assert again.slug == "jing-ti-mao-chong-yin-hang-ke-fu-de-tui-kuan-2"  # unique among siblings, still <= 50


def test_a_slug_the_editor_typed_is_kept(client, editor, articles_zh):
    client.force_login(editor)
    assert create(client, articles_zh, TITLE, "refund-call-tricks").slug == "refund-call-tricks"


def test_readable_slugs_keep_latin_text_and_stay_short():
    assert readable_slug("3.15 消费者权益日 Consumer Day") == "315-xiao-fei-zhe-quan-yi-ri-consumer-day"
    assert all(len(readable_slug(TITLE * 3, max_length=n)) <= n for n in (10, 20, 50))
    assert readable_slug("Supercalifragilistic", max_length=10) == "supercalif"


def audience_checkboxes(html):
    """The audience ids the form offers, as checkboxes."""
    return {int(pk) for pk in re.findall(r'<input type="checkbox" name="audiences" value="(\d+)"', html)}


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_article_form_offers_its_own_languages_audiences_as_checkboxes(client, editor, page_of, language):
    client.force_login(editor)
    article = page_of(ArticlePage, language, slug="compliant-selling")
    own = set(Audience.objects.filter(locale=article.locale).values_list("pk", flat=True))
    for url in (edit_page_url(article), create_article_url(article.get_parent())):
        assert audience_checkboxes(client.get(url).content.decode()) == own


def test_the_alert_form_offers_its_own_languages_audiences(client, editor):
    client.force_login(editor)
    english = set(Audience.objects.filter(locale__language_code="en").values_list("pk", flat=True))
    assert audience_checkboxes(client.get(snippet_url(FraudAlert, "add") + "?locale=en").content.decode()) == english
    alert = FraudAlert.objects.filter(locale__language_code="en").first()
    assert audience_checkboxes(client.get(snippet_url(alert, "edit", alert.pk)).content.decode()) == english


def test_an_audience_of_the_other_language_is_refused_with_a_message(client, editor, articles_zh):
    client.force_login(editor)
    english_audience = Audience.objects.filter(locale__language_code="en")[:1]
    data = article_form("Zorbex 受众", "zorbex-audience", "正文。", english_audience)
    response = client.post(create_article_url(articles_zh), data)
    assert response.status_code == 200 and not ArticlePage.objects.filter(slug="zorbex-audience").exists()
    assert "Select a valid choice" in response.content.decode()
    add_url = snippet_url(FraudAlert, "add") + "?locale=zh-hans"
    response = client.post(add_url, alert_form("Zorbex 预警", "当心。", english_audience))
    assert response.status_code == 200 and not FraudAlert.objects.filter(title="Zorbex 预警").exists()
