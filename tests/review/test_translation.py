"""Editors make and maintain the English version, through Wagtail's own translate view (simple_translation).

The copy is a draft that goes through the review, points at the English audiences, topics,
snippets and pages, and a translation whose original was published since it was last saved says
"translation out of date" in the page explorer, the checks panel and *Reports → Pages needing translation*.
"""

import json
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from alerts.models import FraudAlert
from articles.models import ArticleIndexPage, ArticlePage
from foundation.translations import MISSING, OUTDATED, READY, translation_state

from .admin_helpers import XHR, article_form, assert_refused, create_article_url, demo_user, edit_page_url, snippet_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


def translate_url(page):
    return reverse("simple_translation:submit_page_translation", args=[page.pk])


def translate_alert_url(alert):
    return reverse("simple_translation:submit_snippet_translation", args=["alerts", "fraudalert", alert.pk])


@pytest.fixture
def untranslated_article(page_of, english):
    """A live Chinese case study (audiences, a topic, a campaign, an official contact) whose English version is gone;
    its body also links to another article, which is translated."""
    article = page_of(ArticlePage, slug="fake-surrender-refund-agents")
    article.get_translation(english).delete()
    related = page_of(ArticlePage, slug="new-telecom-fraud-types")
    body = json.loads(json.dumps(list(article.body.get_prep_value())))
    body.append({"type": "related_pages", "id": str(uuid.uuid4()), "value": {"title": "相关", "pages": [related.pk]}})
    article.body = json.dumps(body)
    article.save_revision().publish()
    return ArticlePage.objects.get(pk=article.pk)


def test_an_editor_translates_an_article_into_an_english_draft_that_points_at_english_content(
        client, editor, untranslated_article, english):
    zh = untranslated_article
    assert zh.campaign and zh.audiences.exists() and [tag.name for tag in zh.topics.all()] == ["代理退保"]
    assert translation_state(zh) == MISSING
    client.force_login(editor)
    assert client.get(translate_url(zh)).status_code == 200

    response = client.post(translate_url(zh), {"locales": [english.pk]})

    en = zh.get_translation(english).specific
    assert response.status_code == 302 and response["Location"] == edit_page_url(en)
    assert not en.live and en.has_unpublished_changes  # a draft: only the review publishes it
    for page in (en, en.get_latest_revision_as_object()):  # the row and the revision the edit view shows
        assert {audience.locale_id for audience in page.audiences.all()} == {english.pk}
        assert {a.slug for a in page.audiences.all()} == {a.slug for a in zh.audiences.all()}
        assert [tag.name for tag in page.topics.all()] == ["surrender refund"]
        assert page.campaign.locale_id == english.pk and page.campaign.translation_key == zh.campaign.translation_key
        blocks = {block.block_type: block.value for block in page.body}
        assert blocks["official_contact"]["contact"].locale_id == english.pk
        assert [related.locale_id for related in blocks["related_pages"]["pages"]] == [english.pk]
    assert translation_state(zh) == READY and translation_state(en) == READY
    assert client.get(edit_page_url(en)).status_code == 200


def test_an_editor_translates_a_live_alert_into_a_draft_with_english_audiences(client, editor, english):
    zh = FraudAlert.objects.published().filter(locale__language_code="zh-hans", audiences__isnull=False).first()
    zh.get_translation(english).delete()
    client.force_login(editor)

    response = client.post(translate_alert_url(zh), {"locales": [english.pk]})

    en = zh.get_translation(english)
    assert response.status_code == 302 and response["Location"] == snippet_url(FraudAlert, "edit", en.pk)
    assert not en.live and en.has_unpublished_changes and en.latest_revision is not None
    assert en not in FraudAlert.objects.published()
    assert {a.locale_id for a in en.audiences.all()} == {english.pk}
    assert {a.slug for a in en.audiences.all()} == {a.slug for a in zh.audiences.all()}
    assert translation_state(en) == READY


@pytest.mark.parametrize("username", ["reviewer", "handler"])
def test_reviewers_and_report_handlers_cannot_translate(client, username, untranslated_article, english):
    client.force_login(demo_user(username))
    zh_alert = FraudAlert.objects.filter(locale__language_code="zh-hans").first()
    for url in (translate_url(untranslated_article), translate_alert_url(zh_alert)):
        assert client.get(url, **XHR).status_code == 403
        assert_refused(client, url, {"locales": [english.pk]})
    assert not untranslated_article.has_translation(english)


def test_the_translate_button_is_offered_to_editors_only(client, editor, reviewer, untranslated_article):
    for user, offered in ((editor, True), (reviewer, False)):
        client.force_login(user)
        page = client.get(edit_page_url(untranslated_article)).content.decode()
        assert (translate_url(untranslated_article) in page) is offered


@pytest.fixture
def outdated_pair(page_of, english):
    """A seeded article whose Chinese original is published again after its English version was last saved."""
    zh = page_of(ArticlePage, slug="know-your-rights")
    en = zh.get_translation(english).specific
    assert translation_state(en) == READY
    zh.save_revision().publish()
    return zh, en


def test_an_out_of_date_translation_is_marked_in_the_explorer(client, editor, outdated_pair, page_of):
    zh, en = outdated_pair
    client.force_login(editor)
    for page in (en, zh):  # the translation, and its original in the Chinese tree
        listing = client.get(reverse("wagtailadmin_explore", args=[page.get_parent().pk])).content.decode()
        assert listing.count('data-translation-state="outdated"') == 1
        row = listing[listing.index(edit_page_url(page)):]
        assert row.index('data-translation-state="outdated"') < row.index("</tr>")


def test_an_out_of_date_translation_warns_in_the_checks_panel_until_it_is_saved(client, editor, outdated_pair):
    zh, en = outdated_pair
    client.force_login(editor)
    assert "Translation out of date" in client.get(edit_page_url(en)).content.decode()
    assert "Translation out of date" not in client.get(edit_page_url(zh)).content.decode()

    data = article_form(en.title, en.slug, "Updated to match the original.", en.audiences.all())
    assert client.post(edit_page_url(en), data).status_code == 302

    assert translation_state(en) == READY and translation_state(zh) == READY
    assert "Translation out of date" not in client.get(edit_page_url(en)).content.decode()


def test_the_report_lists_missing_and_out_of_date_translations(client, editor, outdated_pair, page_of):
    zh, en = outdated_pair
    client.force_login(editor)
    index = page_of(ArticleIndexPage)
    data = article_form("Zorbex 待译", "zorbex-untranslated", "还没有英文版。")
    assert client.post(create_article_url(index), data).status_code == 302
    draft = ArticlePage.objects.get(slug="zorbex-untranslated")

    report = client.get(reverse("foundation_translation_report")).content.decode()

    assert "Pages needing translation" in report
    assert edit_page_url(en) in report and 'data-translation-state="outdated"' in report
    assert translate_url(draft) in report and 'data-translation-state="missing"' in report
    assert page_of(ArticlePage, slug="compliant-selling").title not in report  # translated and up to date
    assert translation_state(draft) == MISSING and translation_state(zh) == OUTDATED == translation_state(en)


def test_the_report_is_for_those_who_edit_pages(client):
    client.force_login(demo_user("handler"))
    assert client.get(reverse("foundation_translation_report"), **XHR).status_code == 403
    handler = get_user_model().objects.get(username="handler")
    assert not handler.has_perm("simple_translation.submit_translation")


def test_an_alert_whose_original_was_published_again_warns_in_its_checks_panel(client, editor, english):
    zh = FraudAlert.objects.published().filter(locale__language_code="zh-hans").first()
    en = zh.get_translation(english)
    client.force_login(editor)
    edit_url = snippet_url(FraudAlert, "edit", en.pk)
    assert "Translation out of date" not in client.get(edit_url).content.decode()
    # The original published again (its publish time moved on; publishing would also syndicate it).
    FraudAlert.objects.filter(pk=zh.pk).update(last_published_at=timezone.now())

    assert translation_state(en) == OUTDATED == translation_state(zh)
    assert "Translation out of date" in client.get(edit_url).content.decode()
