"""Helpers for driving the real admin views: form data, URLs, and what a refusal looks like.

The form data has the shape the Wagtail admin's own forms submit
(``wagtail.test.utils.form_data``), so the tests go through the real views.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

RICH_TEXT_FIELDS = ("what_happened", "red_flags", "how_to_protect")


def article_form(title, slug, paragraph, audiences=(), action=None, blocks=(), **fields):
    """An ArticlePage form: one paragraph (plus any ``blocks``), audiences and an action button."""
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": fields.pop("summary", ""),
            "kind": fields.pop("kind", "education"),
            "body": streamfield([("paragraph", rich_text(paragraph)), *blocks]),
            **{name: rich_text(fields.pop(name, "")) for name in RICH_TEXT_FIELDS},
            "comments": inline_formset([]),
            **fields,
        }
    )
    data["audiences"] = [audience.pk for audience in audiences]
    if action:
        data[f"action-{action}"] = "1"
    return data


def alert_form(title, summary, audiences=(), action=None, **fields):
    data = nested_form_data(
        {
            "title": title,
            "severity": "warning",
            "summary": summary,
            "body": rich_text(fields.pop("body", "")),
            "link": "",
            "active_from": "2026-01-01 09:00",
            **fields,
        }
    )
    data["audiences"] = [audience.pk for audience in audiences]
    if action:
        data[f"action-{action}"] = "1"
    return data


def create_article_url(index):
    return reverse("wagtailadmin_pages:add", args=["articles", "articlepage", index.pk])


def edit_page_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def page_action_url(page, action):
    """The dashboard's approve/reject URL for the page's current task."""
    task_state = page.current_workflow_state.current_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


def snippet_url(obj_or_model, name, *args):
    return reverse(obj_or_model.snippet_viewset.get_url_name(name), args=args)


def snippet_action_url(obj, action):
    task_state = obj.current_workflow_state.current_task_state
    return snippet_url(obj, "workflow_action", obj.pk, action, task_state.pk)


XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


def assert_refused(client, url, data=None):
    """Wagtail refuses an admin action with 403 to scripts, and to browsers with a redirect home and a message."""
    assert client.post(url, data or {}, **XHR).status_code == 403
    response = client.post(url, data or {})
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def demo_user(username):
    """A seeded demo user whose admin language is English (the tests read English messages)."""
    user = get_user_model().objects.get(username=username)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user
