"""A reviewer's approval or rejection does the same from the edit view and from the dashboard, and says what it did.

The demo editor submits; the demo reviewer decides, pressing the buttons of the edit view's action
menu (the edit form posted with ``action-workflow-action``; a comment arrives as the JSON the
comment dialog collects) or of the dashboard's row menu (the workflow action view).
"""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import timezone

from alerts.models import FraudAlert
from articles.models import ArticlePage
from foundation.models import Audience

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

SUMMARY = "Beware of fake refund agents."
PARAGRAPH = "本计划有风险，收益不确定，详询客服热线 95511。"
COMMENT = "Say from when the refunds stop."


def shown(response):
    """(level, text) of each message the next page shows."""
    assert response.status_code == 200
    return [(message.level_tag, str(message)) for message in response.context["messages"]]


def as_posted(client, url, form, name, comment=None):
    """The form data as the edit view at ``url`` posts it when ``name`` is pressed (the reviewer opened it first)."""
    assert client.get(url).status_code == 200
    data = {**form, "action-workflow-action": "1", "workflow-action-name": name}
    if comment:  # what the comment dialog collects
        data["workflow-action-extra-data"] = json.dumps({"comment": comment})
    return data


def in_future(**delta):
    return (timezone.now() + datetime.timedelta(**delta)).replace(second=0, microsecond=0)


def admin_time(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def submitted_alert(client, editor, title="Zorbex alert", **fields):
    """An alert the editor submitted, passed by the pre-check, and the form data it was submitted with."""
    client.force_login(editor)
    form = alert_form(title, SUMMARY, Audience.objects.filter(locale__language_code="en")[:1], **fields)
    add_url = snippet_url(FraudAlert, "add") + "?locale=en"
    assert client.post(add_url, {**form, "action-submit": "1"}, follow=True).status_code == 200
    alert = FraudAlert.objects.get(title=title)
    task_state = alert.current_workflow_state.current_task_state
    assert task_state.task.name == "Reviewer approval", task_state.comment
    return alert, form


def submitted_article(client, editor, index, slug="zorbex-decisions"):
    """A page the editor submitted, passed by the pre-check, and its form data as the edit view posts it back."""
    client.force_login(editor)
    form = article_form("Zorbex 讲座", slug, PARAGRAPH, Audience.objects.filter(locale=index.locale)[:2])
    assert client.post(create_article_url(index), {**form, "action-submit": "1"}, follow=True).status_code == 200
    page = ArticlePage.objects.get(slug=slug)
    assert page.current_workflow_state.current_task_state.task.name == "Reviewer approval"
    form["body-0-id"] = page.body[0].id  # the edit form carries each block's id back
    return page, form


def approval_task_state(obj):
    return obj.workflow_states.get().task_states.get(task__name="Reviewer approval")


def test_approving_an_alert_in_its_edit_view_publishes_it_without_another_revision(client, editor, reviewer):
    alert, form = submitted_alert(client, editor)
    submitted = alert.latest_revision

    client.force_login(reviewer)
    edit_url = snippet_url(alert, "edit", alert.pk)
    response = client.post(edit_url, as_posted(client, edit_url, form, "approve"), follow=True)

    alert.refresh_from_db()
    assert alert.live and alert.live_revision == submitted
    assert alert.revisions.count() == 1  # the editor's: approving added none
    task_state = approval_task_state(alert)
    assert task_state.status == "approved" and task_state.finished_by == reviewer
    assert alert.workflow_states.get().status == "approved"
    assert shown(response) == [("success", "Approved and published: 'Zorbex alert'.")]
    assert "Zorbex alert" in Client().get("/en/alerts/").content.decode()


def test_a_scheduled_alert_approved_in_its_edit_view_is_scheduled_not_live(client, editor, reviewer):
    go_live = in_future(days=2)
    alert, form = submitted_alert(client, editor, active_from=admin_time(go_live))  # the window is the schedule

    client.force_login(reviewer)
    edit_url = snippet_url(alert, "edit", alert.pk)
    response = client.post(edit_url, as_posted(client, edit_url, form, "approve"), follow=True)

    alert.refresh_from_db()
    assert not alert.live and alert.revisions.count() == 1
    assert alert.latest_revision.approved_go_live_at == go_live
    assert approval_task_state(alert).status == "approved"
    [(level, message)] = shown(response)
    assert level == "success" and message.startswith("Approved; goes live at ")
    assert "Zorbex alert" not in Client().get("/en/alerts/").content.decode()


def test_rejecting_an_alert_in_its_edit_view_returns_it_to_the_editor_with_the_comment(client, editor, reviewer):
    alert, form = submitted_alert(client, editor)

    client.force_login(reviewer)
    edit_url = snippet_url(alert, "edit", alert.pk)
    response = client.post(edit_url, as_posted(client, edit_url, form, "reject", COMMENT),
                           follow=True)

    alert.refresh_from_db()
    state = alert.current_workflow_state
    assert not alert.live and alert.revisions.count() == 1
    assert state.status == "needs_changes"
    assert state.current_task_state.comment == COMMENT and state.current_task_state.finished_by == reviewer
    [(level, message)] = shown(response)
    assert message.startswith("Changes requested: 'Zorbex alert' went back to")

    client.force_login(editor)
    edit_view = client.get(snippet_url(alert, "edit", alert.pk)).content.decode()
    assert COMMENT in edit_view


def test_the_dashboard_says_what_an_alert_approval_did(client, editor, reviewer):
    alert, _form = submitted_alert(client, editor)
    client.force_login(reviewer)
    response = client.post(snippet_action_url(alert, "approve"), follow=True)
    alert.refresh_from_db()
    assert alert.live
    assert shown(response) == [("success", "Approved and published: 'Zorbex alert'.")]


def test_the_editor_cannot_approve_an_alert_in_its_edit_view(client, editor):
    alert, form = submitted_alert(client, editor)
    edit_url = snippet_url(alert, "edit", alert.pk)
    assert_refused(client, edit_url, as_posted(client, edit_url, form, "approve"))
    alert.refresh_from_db()
    assert not alert.live and approval_task_state(alert).status == "in_progress"


def test_a_page_approved_in_its_edit_view_is_published(client, editor, reviewer, articles_zh):
    page, form = submitted_article(client, editor, articles_zh)
    submitted = page.latest_revision

    client.force_login(reviewer)
    edit_url = edit_page_url(page)
    response = client.post(edit_url, as_posted(client, edit_url, form, "approve"), follow=True)

    page.refresh_from_db()
    assert page.live and page.live_revision == submitted and page.revisions.count() == 1
    assert approval_task_state(page).status == "approved"
    assert shown(response) == [("success", "Approved and published: 'Zorbex 讲座'.")]


def test_a_page_rejected_in_its_edit_view_goes_back_with_the_comment(client, editor, reviewer, articles_zh):
    page, form = submitted_article(client, editor, articles_zh)

    client.force_login(reviewer)
    edit_url = edit_page_url(page)
    response = client.post(edit_url, as_posted(client, edit_url, form, "reject", COMMENT), follow=True)

    page.refresh_from_db()
    state = page.current_workflow_state
    assert not page.live and state.status == "needs_changes"
    assert state.current_task_state.comment == COMMENT and state.current_task_state.finished_by == reviewer
    [(level, message)] = shown(response)
    assert message.startswith("Changes requested: 'Zorbex 讲座' went back to")
    client.force_login(editor)
    assert COMMENT in client.get(edit_page_url(page)).content.decode()


def test_the_dashboard_says_what_a_page_rejection_did(client, editor, reviewer, articles_zh):
    page, _form = submitted_article(client, editor, articles_zh)
    client.force_login(reviewer)
    response = client.post(page_action_url(page, "reject"), {"comment": COMMENT}, follow=True)
    [(level, message)] = shown(response)
    assert message.startswith("Changes requested: 'Zorbex 讲座' went back to")


def status_panel(response):
    panel = BeautifulSoup(response.content, "html.parser").select_one("[data-side-panel='status']")
    return " ".join(panel.get_text(" ").split())


def test_an_instant_pre_check_rejection_shows_one_message_and_the_status_says_so(client, editor):
    client.force_login(editor)
    form = alert_form("Zorbex risk-free", "Call 400-123-4567 for a risk-free refund.",
                      Audience.objects.filter(locale__language_code="en")[:1], action="submit")
    response = client.post(snippet_url(FraudAlert, "add") + "?locale=en", form, follow=True)

    [(level, message)] = shown(response)
    assert level == "error" and message.startswith("The automated pre-check sent this back:")
    alert = FraudAlert.objects.get(title="Zorbex risk-free")
    panel = status_panel(client.get(snippet_url(alert, "edit", alert.pk)))
    assert "Needs changes" in panel and "In Moderation" not in panel



