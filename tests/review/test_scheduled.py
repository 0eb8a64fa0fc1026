"""Scheduled publishing: approved content with a future date goes live when the scheduler runs.

Wagtail's ``publish_scheduled`` command (run from cron or the worker) publishes
revisions whose approved go-live time has passed and unpublishes expired
objects, pages and snippets alike. Time is moved forward by patching
``django.utils.timezone.now``, which the command and Wagtail's models read.
"""

import datetime
import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation
from wagtail.models import PageLogEntry

from alerts.models import FraudAlert
from articles.models import ArticlePage
from foundation.models import Audience

from .admin_helpers import (
    alert_form,
    article_form,
    create_article_url,
    page_action_url,
    snippet_action_url,
    snippet_url,
)

pytestmark = pytest.mark.django_db


def admin_time(moment):
    """A datetime as the admin's date-time field expects it (local time)."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def status(obj):
    """The status words the admin shows, in English (the client's requests switch the active language)."""
    with translation.override("en"):
        return str(obj.status_string)


def run_scheduler_at(monkeypatch, moment):
    monkeypatch.setattr(timezone, "now", lambda: moment)
    call_command("publish_scheduled", stdout=io.StringIO())


def test_approved_page_waits_for_its_go_live_time(client, editor, reviewer, articles_en, monkeypatch):
    go_live = (timezone.now() + datetime.timedelta(days=2)).replace(second=0, microsecond=0)
    client.force_login(editor)
    audience = Audience.objects.filter(locale=articles_en.locale)[:1]
    data = article_form("Zorbex scheduled", "zorbex-scheduled", "Coming soon.", audience, action="submit",
                        go_live_at=admin_time(go_live))
    assert client.post(create_article_url(articles_en), data).status_code == 302
    page = ArticlePage.objects.get(slug="zorbex-scheduled")
    client.force_login(reviewer)
    assert client.post(page_action_url(page, "approve")).status_code == 302

    page.refresh_from_db()
    assert not page.live and page.get_latest_revision().approved_go_live_at == go_live
    public = Client()
    assert public.get(page.get_url()).status_code == 404
    run_scheduler_at(monkeypatch, go_live - datetime.timedelta(minutes=1))
    page.refresh_from_db()
    assert not page.live

    run_scheduler_at(monkeypatch, go_live + datetime.timedelta(minutes=1))
    page.refresh_from_db()
    assert page.live
    assert "Zorbex scheduled" in public.get(page.get_url()).content.decode()
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").exists()


def test_an_approved_alert_goes_live_when_its_window_opens_and_stays_on_record_after(
        client, editor, reviewer, monkeypatch):
    """An alert has one schedule, its window: approval before ``active_from`` schedules it for then;
    at ``active_until`` it ends (banner, listings) but stays published as a past alert."""
    now = timezone.now().replace(second=0, microsecond=0)
    go_live, ends = now + datetime.timedelta(hours=3), now + datetime.timedelta(days=3)
    client.force_login(editor)
    audience = Audience.objects.filter(locale__language_code="en")[:1]
    data = alert_form("Zorbex scheduled alert", "Beware of fake refund agents.", audience, action="submit",
                      active_from=admin_time(go_live), active_until=admin_time(ends),
                      expire_at=admin_time(now + datetime.timedelta(hours=1)))  # no such field: ignored
    assert client.post(snippet_url(FraudAlert, "add") + "?locale=en", data).status_code == 302
    alert = FraudAlert.objects.get(title="Zorbex scheduled alert")
    client.force_login(reviewer)
    assert client.post(snippet_action_url(alert, "approve")).status_code == 302

    alert = FraudAlert.objects.get(pk=alert.pk)  # afresh: Wagtail caches the scheduled revision
    assert not alert.live and alert.get_latest_revision().approved_go_live_at == go_live
    assert status(alert) == "scheduled"
    run_scheduler_at(monkeypatch, go_live + datetime.timedelta(minutes=1))
    alert = FraudAlert.objects.get(pk=alert.pk)  # afresh: Wagtail caches the scheduled revision
    assert alert.live and status(alert) == "live"
    assert FraudAlert.objects.active().filter(pk=alert.pk).exists()

    run_scheduler_at(monkeypatch, ends + datetime.timedelta(minutes=1))
    alert = FraudAlert.objects.get(pk=alert.pk)  # afresh: Wagtail caches the scheduled revision
    assert alert.live and not alert.expired and status(alert) == "expired"
    assert not FraudAlert.objects.active().filter(pk=alert.pk).exists()
    assert FraudAlert.objects.past().filter(pk=alert.pk).exists()
