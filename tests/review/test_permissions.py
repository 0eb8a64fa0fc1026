"""Who may do what, tried through the real admin views with the seeded demo users."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from alerts.models import AlertIndexPage, FraudAlert
from articles.models import ArticlePage
from foundation.models import Audience
from review.models import ClaimRule, OfficialContact

from .admin_helpers import (
    XHR,
    alert_form,
    article_form,
    assert_refused,
    create_article_url,
    edit_page_url,
    page_action_url,
    snippet_url,
)

pytestmark = pytest.mark.django_db


def live_article(page_of, language="zh-hans"):
    return page_of(ArticlePage, language, slug="compliant-selling")


def draft_article(client, editor, index, action=None):
    """An article the editor created and saved (or submitted) but nobody published."""
    client.force_login(editor)
    audience = Audience.objects.filter(locale=index.locale)[:1]
    data = article_form("Zorbex 草稿", "zorbex-draft", "尚未发布的内容。", audience, action=action)
    assert client.post(create_article_url(index), data).status_code == 302
    return ArticlePage.objects.get(slug="zorbex-draft")


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_roles_hold_on_the_whole_tree_in_both_languages(page_of, editor, reviewer, language):
    article = live_article(page_of, language)
    as_editor, as_reviewer = article.permissions_for_user(editor), article.permissions_for_user(reviewer)
    assert as_editor.can_edit() and not as_editor.can_publish() and not as_editor.can_unpublish()
    assert not as_editor.can_delete()  # a live page: deleting it would unpublish it
    # Nobody below superuser publishes past the review (issue 14): approving is the only way live.
    assert as_reviewer.can_edit() and not as_reviewer.can_publish() and not as_reviewer.can_unpublish()
    assert not as_reviewer.can_delete()
    assert not article.get_parent().permissions_for_user(reviewer).can_add_subpage()


def test_editor_can_create_save_and_submit(client, editor, articles_zh):
    page = draft_article(client, editor, articles_zh)
    assert not page.live
    assert client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk])).status_code == 200
    data = article_form(page.title, page.slug, "改好了。", Audience.objects.filter(locale=page.locale)[:1], action="submit")
    assert client.post(edit_page_url(page), data).status_code == 302
    assert page.current_workflow_state.current_task_state.task.name == "Reviewer approval"


def test_editor_cannot_publish_a_new_page(client, editor, articles_zh):
    client.force_login(editor)
    data = article_form("Zorbex", "zorbex-direct", "内容。", action="publish")
    assert_refused(client, create_article_url(articles_zh), data)
    assert not ArticlePage.objects.filter(slug="zorbex-direct").exists()


def test_editor_cannot_publish_changes_to_a_live_page(client, editor, page_of):
    client.force_login(editor)
    article = live_article(page_of)
    data = article_form("改过的标题", article.slug, "内容。", action="publish")
    assert_refused(client, edit_page_url(article), data)
    assert Page.objects.get(pk=article.pk).title == article.title


def test_editor_cannot_unpublish_or_delete_live_pages(client, editor, page_of):
    client.force_login(editor)
    article = live_article(page_of)
    assert_refused(client, reverse("wagtailadmin_pages:unpublish", args=[article.pk]))
    assert_refused(client, reverse("wagtailadmin_pages:delete", args=[article.pk]))
    article.refresh_from_db()
    assert article.live


def test_editor_cannot_approve_from_the_edit_form(client, editor, articles_zh):
    page = draft_article(client, editor, articles_zh, action="submit")
    approve = {"action-workflow-action": "1", "workflow-action-name": "approve"}
    data = article_form(page.title, page.slug, "内容。", **approve)
    assert_refused(client, edit_page_url(page), data)
    assert_refused(client, page_action_url(page, "approve"))
    assert page.current_workflow_state.current_task_state.status == "in_progress"


def test_editor_cannot_create_a_new_site_root(client, editor):
    client.force_login(editor)
    root = Page.get_first_root_node()
    url = reverse("wagtailadmin_pages:add", args=["portal", "homepage", root.pk])
    assert client.get(url, **XHR).status_code == 403


def test_editor_drafts_alerts_but_cannot_publish_or_unpublish_them(client, editor):
    client.force_login(editor)
    add_url = snippet_url(FraudAlert, "add") + "?locale=en"
    assert_refused(client, add_url, alert_form("Zorbex direct", "Beware.", action="publish"))
    assert not FraudAlert.objects.filter(title="Zorbex direct").exists()
    assert client.post(add_url, alert_form("Zorbex draft", "Beware.")).status_code == 302
    assert not FraudAlert.objects.get(title="Zorbex draft").live

    live = FraudAlert.objects.filter(live=True).first()
    assert_refused(client, snippet_url(live, "unpublish", live.pk))
    live.refresh_from_db()
    assert live.live


def test_editor_reads_but_does_not_change_the_allow_list_and_the_claim_rules(client, editor):
    client.force_login(editor)
    contact = OfficialContact.objects.first()
    assert client.get(snippet_url(OfficialContact, "list")).status_code == 200
    assert client.get(snippet_url(ClaimRule, "list")).status_code == 200
    fake = {"name": "x", "kind": "phone", "value": "400-123-4567"}
    assert_refused(client, snippet_url(contact, "edit", contact.pk), fake)
    assert_refused(client, snippet_url(ClaimRule, "add"), {"phrase": "x", "language": "any", "severity": "error"})


def test_reviewer_cannot_publish_unpublish_or_delete_directly(client, reviewer, page_of):
    client.force_login(reviewer)
    article = live_article(page_of, "en")
    data = article_form("Compliant selling, revised", article.slug, "Tell customers about the risks.",
                        Audience.objects.filter(locale=article.locale)[:1], action="publish")
    assert_refused(client, edit_page_url(article), data)
    assert_refused(client, reverse("wagtailadmin_pages:unpublish", args=[article.pk]))
    assert_refused(client, reverse("wagtailadmin_pages:delete", args=[article.pk]))
    article.refresh_from_db()
    assert article.live and article.title != "Compliant selling, revised"


def test_reviewer_cannot_delete_the_live_report_page(client, reviewer, page_of):
    from portal.models import ReportFormPage

    client.force_login(reviewer)
    report = page_of(ReportFormPage, "zh-hans")
    assert_refused(client, reverse("wagtailadmin_pages:delete", args=[report.pk]))
    assert ReportFormPage.objects.filter(pk=report.pk, live=True).exists()


def test_reviewer_cannot_publish_or_unpublish_an_alert_directly(client, reviewer):
    client.force_login(reviewer)
    live = FraudAlert.objects.filter(live=True).first()
    data = alert_form("Zorbex reviewer direct", "Beware.", action="publish")
    assert_refused(client, snippet_url(live, "edit", live.pk), data)
    assert_refused(client, snippet_url(live, "unpublish", live.pk))
    live.refresh_from_db()
    assert live.live and live.title != "Zorbex reviewer direct"


def test_reviewer_maintains_claim_rules_but_does_not_create_pages(client, reviewer, articles_zh):
    client.force_login(reviewer)
    rule = {"phrase": "Zorbex 保赚", "language": "any", "severity": "error", "explanation": "不得承诺收益。"}
    assert client.post(snippet_url(ClaimRule, "add"), rule).status_code == 302
    assert ClaimRule.objects.filter(phrase="Zorbex 保赚").exists()
    assert client.get(create_article_url(articles_zh), **XHR).status_code == 403


def test_site_administrator_runs_the_site_without_being_superuser(client):
    admin = get_user_model().objects.get(username="siteadmin")
    assert not admin.is_superuser
    client.force_login(admin)
    assert client.get(reverse("wagtailusers_users:index")).status_code == 200
    assert client.get(reverse("wagtailadmin_workflows:index")).status_code == 200


def test_anonymous_visitors_see_nothing_unpublished(client, editor, articles_zh, page_of):
    page = draft_article(Client(), editor, articles_zh)
    alert = FraudAlert.objects.create(
        title="Zorbex draft alert", summary="x", locale=articles_zh.locale, live=False
    )
    alert.save_revision()
    alerts_page = page_of(AlertIndexPage, "zh-hans")
    live = live_article(page_of)
    live.title = "尚未发布的新标题"
    live.save_revision()

    assert client.get(page.get_url()).status_code == 404
    assert client.get(f"{alerts_page.url}{alert.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    assert "尚未发布的新标题" not in client.get(live.url).content.decode()
    for url in (
        reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
        snippet_url(alert, "preview_on_edit", alert.pk),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("wagtailadmin_login")), url
