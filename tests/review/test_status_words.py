"""The admin's listings say where each item stands in words: draft, in moderation, scheduled, live, expired.

Pages: Wagtail's page explorer. Alerts: the snippet listing's status column, which counts the
alert's window (``FraudAlert.status_string``). States are set up directly; what is asserted is
what the real listing views show an editor.
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from alerts.models import FraudAlert
from articles.models import ArticlePage
from foundation.models import Audience

from .admin_helpers import alert_form, article_form, create_article_url, snippet_url

pytestmark = pytest.mark.django_db

SUBMITTABLE = "Hang up, then call our hotline 95511 yourself."


def audiences_of(language):
    return Audience.objects.filter(locale__language_code=language)[:2]


def status_of(html, title):
    """The status tag's words in the listing row that shows ``title``."""
    row = next(row for row in re.findall(r"<tr.*?</tr>", html, re.S) if title in row)
    row = re.sub(r'<span class="w-sr-only">[^<]*</span>', "", row)  # "Current page status:", for screen readers
    return re.search(r'class="[^"]*\bw-status\b[^"]*"[^>]*>\s*([^<]*?)\s*<', row)[1]


def test_the_page_explorer_shows_scheduled_expired_and_in_moderation(client, editor, articles_en):
    later = timezone.now() + datetime.timedelta(days=2)
    scheduled = articles_en.add_child(instance=ArticlePage(title="Zorbex later", slug="zorbex-later", live=False))
    scheduled.go_live_at = later
    scheduled.save_revision().publish()
    articles_en.add_child(instance=ArticlePage(title="Zorbex gone", slug="zorbex-gone", live=False, expired=True))
    client.force_login(editor)
    submitted = article_form("Zorbex in review", "zorbex-in-review", SUBMITTABLE, audiences_of("en"), action="submit")
    assert client.post(create_article_url(articles_en), submitted).status_code == 302

    html = client.get(reverse("wagtailadmin_explore", args=[articles_en.pk])).content.decode()
    assert status_of(html, "Zorbex later") == "scheduled"
    assert status_of(html, "Zorbex gone") == "expired"
    assert status_of(html, "Zorbex in review") == "in moderation"


def test_the_alert_listing_shows_each_alerts_state_with_its_window(client, editor):
    now = timezone.now()
    english = Locale.objects.get(language_code="en")
    upcoming = FraudAlert.objects.create(locale=english, title="Zorbex tomorrow", summary=SUBMITTABLE, live=False,
                                         active_from=now + datetime.timedelta(days=1))
    upcoming.save_revision().publish()  # before its window: scheduled, not live
    client.force_login(editor)
    add_url = snippet_url(FraudAlert, "add") + "?locale=en"
    assert client.post(add_url, alert_form("Zorbex in review", SUBMITTABLE, audiences_of("en"), action="submit")).status_code == 302
    assert client.post(add_url, alert_form("Zorbex draft", SUBMITTABLE)).status_code == 302
    ended = FraudAlert.objects.past().filter(locale=english).first()
    current = FraudAlert.objects.active().filter(locale=english).first()

    html = client.get(snippet_url(FraudAlert, "list") + "?locale=en").content.decode()
    assert status_of(html, "Zorbex tomorrow") == "scheduled"
    assert status_of(html, "Zorbex in review") == "in moderation"
    assert status_of(html, "Zorbex draft") == "draft"
    assert status_of(html, ended.title) == "expired"
    assert status_of(html, current.title) == "live"


def test_an_alert_cannot_end_before_it_goes_live(client, editor):
    client.force_login(editor)
    data = alert_form("Zorbex backwards", SUBMITTABLE, active_from="2026-03-15 09:00", active_until="2026-03-14 09:00")
    response = client.post(snippet_url(FraudAlert, "add") + "?locale=en", data)
    assert response.status_code == 200 and "An alert must end after it goes live." in response.content.decode()
    assert not FraudAlert.objects.filter(title="Zorbex backwards").exists()


def test_the_alert_form_explains_its_one_schedule_and_has_no_other(client, editor):
    client.force_login(editor)
    html = client.get(snippet_url(FraudAlert, "add") + "?locale=en").content.decode()
    assert "it is scheduled and goes live at this time" in html and "it stays listed under past alerts" in html
    assert 'name="go_live_at"' not in html and 'name="expire_at"' not in html
