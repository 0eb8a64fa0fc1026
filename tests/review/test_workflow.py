"""The review workflow end to end, through the admin views, as the demo editor and reviewer."""

import pytest
from django.test import Client
from django.utils import translation
from wagtail.models import ModelLogEntry, PageLogEntry
from wagtail.users.models import UserProfile

from alerts.models import FraudAlert
from articles.models import ArticlePage
from foundation.models import Audience
from review.models import PreCheckTaskState
from review.models import tasks as review_models

from .admin_helpers import (
    alert_form,
    article_form,
    assert_refused,
    create_article_url,
    edit_page_url,
    page_action_url,
    snippet_action_url,
    snippet_url,
)

pytestmark = pytest.mark.django_db

BAD = "本计划稳赚不赔，详询专线 400-123-4567。"
FIXED = "本计划有风险，收益不确定，详询客服热线 95511。"


def audiences(language):
    return Audience.objects.filter(locale__language_code=language)[:2]


def submit_article(client, index, paragraph, slug="zorbex-plan", language="zh-hans"):
    response = client.post(
        create_article_url(index),
        article_form("Zorbex 养老规划讲座", slug, paragraph, audiences(language), action="submit"),
        follow=True,
    )
    assert response.status_code == 200
    return response, ArticlePage.objects.get(slug=slug, locale__language_code=language)


def resubmit(client, page, paragraph, language="zh-hans"):
    data = article_form(page.title, page.slug, paragraph, audiences(language), action="submit")
    assert client.post(edit_page_url(page), data).status_code == 302


def history(page):
    """(action, username or None for the system) of each audit-log entry, oldest first."""
    entries = PageLogEntry.objects.filter(page=page).order_by("timestamp", "pk")
    assert all(entry.timestamp for entry in entries)
    return [(entry.action, entry.user.username if entry.user else None) for entry in entries]


def test_bad_article_is_sent_back_then_fixed_approved_published_and_searchable(
    client, editor, reviewer, articles_zh, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    response, page = submit_article(client, articles_zh, BAD)

    state = page.current_workflow_state
    pre_check = state.current_task_state.specific
    assert state.status == "needs_changes"
    assert isinstance(pre_check, PreCheckTaskState) and pre_check.status == "rejected"
    assert "“稳赚不赔”" in pre_check.comment and "400-123-4567" in pre_check.comment
    assert len(pre_check.errors) == 2
    [shown] = [str(message) for message in response.context["messages"]]  # not "submitted" beside it
    assert "pre-check sent this back" in shown and "400-123-4567" in shown
    assert not page.live
    assert Client().get(page.get_url()).status_code == 404

    resubmit(client, page, FIXED)
    state.refresh_from_db()
    assert state.status == "in_progress"
    assert state.current_task_state.task.name == "Reviewer approval"
    assert_refused(client, page_action_url(page, "approve"))  # nor can the editor approve their own work

    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):  # the search index is written after the commit
        assert client.post(page_action_url(page, "approve")).status_code == 302
    page.refresh_from_db()
    assert page.live
    public = Client()
    assert "Zorbex 养老规划讲座" in public.get(page.get_url()).content.decode()
    assert "Zorbex 养老规划讲座" in public.get("/search/", {"q": "Zorbex"}).content.decode()

    actions = history(page)
    assert actions.index(("wagtail.workflow.start", "editor")) < actions.index(("wagtail.workflow.resume", "editor"))
    assert ("wagtail.workflow.reject", None) in actions  # the pre-check decides as the system
    assert ("wagtail.workflow.approve", None) in actions
    assert actions[-2:] == [("wagtail.workflow.approve", "reviewer"), ("wagtail.publish", "reviewer")]
    rejection = PageLogEntry.objects.get(page=page, action="wagtail.workflow.reject")
    assert "稳赚不赔" in rejection.data["comment"]


def test_reviewer_rejection_returns_the_page_to_the_editor_with_the_comment(client, editor, reviewer, articles_zh):
    client.force_login(editor)
    _, page = submit_article(client, articles_zh, FIXED)
    client.force_login(reviewer)
    response = client.post(page_action_url(page, "reject"), {"comment": "请补充风险提示后再提交。"})
    assert response.status_code == 302

    state = page.current_workflow_state
    assert state.status == "needs_changes"
    assert state.current_task_state.comment == "请补充风险提示后再提交。"
    assert state.current_task_state.finished_by == reviewer
    page.refresh_from_db()
    assert not page.live
    assert ("wagtail.workflow.reject", "reviewer") in history(page)

    client.force_login(editor)
    assert "请补充风险提示后再提交。" in client.get(edit_page_url(page)).content.decode()


def test_changes_after_a_rejection_go_through_the_pre_check_again(client, editor, reviewer, articles_zh):
    """Resubmitting resumes at the reviewer's step; the changed version is still pre-checked before it goes live."""
    client.force_login(editor)
    _, page = submit_article(client, articles_zh, FIXED)
    client.force_login(reviewer)
    client.post(page_action_url(page, "reject"), {"comment": "请修改标题。"})

    client.force_login(editor)
    resubmit(client, page, FIXED + "保证收益翻倍！")
    client.force_login(reviewer)
    assert client.post(page_action_url(page, "approve")).status_code == 302

    page.refresh_from_db()
    state = page.current_workflow_state
    assert not page.live
    assert state.status == "needs_changes"
    assert "收益翻倍" in state.current_task_state.comment


def test_the_pre_check_writes_in_the_submitting_editors_language(client, editor, reviewer, articles_zh, monkeypatch):
    """Even when it runs again during the reviewer's approval, in a request in the reviewer's language."""
    for user, language in ((editor, "en"), (reviewer, "zh-hans")):
        UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
    languages = []
    run_checks = review_models.run_checks

    def run_checks_noting_the_language(obj):
        languages.append(translation.get_language())
        return run_checks(obj)

    monkeypatch.setattr(review_models, "run_checks", run_checks_noting_the_language)

    client.force_login(editor)
    _, page = submit_article(client, articles_zh, FIXED)
    client.force_login(reviewer)
    client.post(page_action_url(page, "reject"), {"comment": "请修改。"})
    client.force_login(editor)
    resubmit(client, page, FIXED + "欢迎咨询。")
    client.force_login(reviewer)
    client.post(page_action_url(page, "approve"))
    assert languages == ["en", "en"]


def test_warnings_pass_to_the_reviewer(client, editor, articles_en):
    client.force_login(editor)
    paragraph = 'Scammers promise “guaranteed returns”. <a href="http://example.org/">More</a>'
    _, page = submit_article(client, articles_en, paragraph, slug="zorbex-warnings", language="en")
    state = page.current_workflow_state
    assert state.status == "in_progress"
    pre_check = state.task_states.get(task__name="Automated pre-check").specific
    assert pre_check.status == "approved" and pre_check.errors == []
    assert len(pre_check.warnings) == 2


def test_fraud_alert_goes_through_the_same_review(client, editor, reviewer):
    client.force_login(editor)
    add_url = snippet_url(FraudAlert, "add") + "?locale=en"
    summary = "Call 400-123-4567 for a risk-free refund."
    form = alert_form("Zorbex refund scam", summary, audiences("en"), action="submit")
    assert client.post(add_url, form).status_code == 302
    alert = FraudAlert.objects.get(title="Zorbex refund scam")
    assert alert.current_workflow_state.status == "needs_changes"
    assert "risk-free" in alert.current_workflow_state.current_task_state.comment

    fixed = alert_form("Zorbex refund scam", "We never charge for cancellations. Call 95511.", audiences("en"),
                       action="submit")
    assert client.post(snippet_url(alert, "edit", alert.pk), fixed).status_code == 302
    assert_refused(client, snippet_action_url(alert, "approve"))

    client.force_login(reviewer)
    assert client.post(snippet_action_url(alert, "approve")).status_code == 302
    alert.refresh_from_db()
    assert alert.live
    assert "Zorbex refund scam" in Client().get("/en/alerts/").content.decode()
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(alert.pk), content_type__model="fraudalert")
        .order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )
    assert ("wagtail.workflow.reject", None) in actions
    assert actions[-2:] == [("wagtail.workflow.approve", "reviewer"), ("wagtail.publish", "reviewer")]


def test_a_resubmitted_alert_is_reviewed_in_its_new_version(client, editor, reviewer):
    """Regression: Wagtail's snippet views resumed the workflow on the revision from before the fixes."""
    client.force_login(editor)
    add_url = snippet_url(FraudAlert, "add") + "?locale=en"
    client.post(add_url, alert_form("Zorbex alert", "We never charge. Call 95511.", audiences("en"), action="submit"))
    alert = FraudAlert.objects.get(title="Zorbex alert")
    client.force_login(reviewer)
    client.post(snippet_action_url(alert, "reject"), {"comment": "Say from when."})

    client.force_login(editor)
    fixed = alert_form("Zorbex alert", "From May we never charge. Call 95511.", audiences("en"), action="submit")
    assert client.post(snippet_url(alert, "edit", alert.pk), fixed).status_code == 302
    alert.refresh_from_db()
    task_state = alert.current_workflow_state.current_task_state
    assert task_state.task.name == "Reviewer approval"
    assert task_state.revision_id == alert.latest_revision_id
    assert task_state.revision.content["summary"].startswith("From May")


def test_an_edit_made_while_approving_is_pre_checked_and_approved_on_its_own(client, editor, reviewer, articles_zh):
    """An approval holds for the revision it was given (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT)."""
    client.force_login(editor)
    _, page = submit_article(client, articles_zh, FIXED)
    client.force_login(reviewer)
    approve = {"action-workflow-action": "1", "workflow-action-name": "approve"}
    edited = article_form(page.title, page.slug, FIXED + "（已审核）", audiences("zh-hans"), **approve)
    assert client.post(edit_page_url(page), edited).status_code == 302

    page.refresh_from_db()
    task_state = page.current_workflow_state.current_task_state
    assert not page.live
    assert task_state.task.name == "Reviewer approval" and task_state.revision_id == page.latest_revision_id
    assert PreCheckTaskState.objects.filter(revision_id=page.latest_revision_id, status="approved").exists()

    assert client.post(page_action_url(page, "approve")).status_code == 302
    page.refresh_from_db()
    assert page.live and page.live_revision_id == task_state.revision_id
