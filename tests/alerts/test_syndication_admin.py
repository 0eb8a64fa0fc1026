"""The syndication in the admin: the timeline, retry, the manual checklist, the dashboard panel, and
what each role may NOT do (editors cannot retry or see partner endpoints; nobody sees subscribers' addresses)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from alerts.models import Delivery, ManualPost, PartnerEndpoint, Subscriber

pytestmark = pytest.mark.django_db


def refused(response):
    """Wagtail's admin answers a PermissionDenied with a redirect to its home page and a message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def login(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.fixture
def failed_alert(publish_alert, receiver, settings):
    settings.PARTNER_WEBHOOKS_ALLOW_PRIVATE = False  # refused: fails at once
    PartnerEndpoint.objects.create(name="Loopback partner", url=receiver.url.replace("http:", "https:"), secret="x")
    subscriber = Subscriber.objects.create(email="secret-person@example.org", language="en", consent_text="x")
    subscriber.confirmed_at = subscriber.requested_at
    subscriber.save()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    alert = publish_alert("en", title="Fake courier refunds")
    settings.PARTNER_WEBHOOKS_ALLOW_PRIVATE = True
    return alert


def test_the_timeline_shows_each_channel_with_counts_and_errors(client, failed_alert):
    response = login(client, "editor").get(reverse("alert_syndication_timeline", args=[failed_alert.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-channel="email" data-state="sent"' in html and "1 / 1" in html
    assert 'data-channel="webhook" data-state="failed"' in html and "non-public address" in html
    assert "secret-person@example.org" not in html  # counts only, never an address
    assert html.count('<tr data-channel="') == 2 + len(ManualPost.Channel)
    assert "Fake courier refunds" in html and "poster.png" in html  # text to paste and the poster


def test_an_editor_ticks_a_manual_channel_but_cannot_retry(client, failed_alert):
    login(client, "editor")
    delivery = Delivery.objects.get(syndication__alert=failed_alert, channel="webhook")
    html = client.get(reverse("alert_syndication_timeline", args=[failed_alert.pk])).content.decode()
    assert reverse("alert_delivery_retry", args=[delivery.pk]) not in html
    assert refused(client.post(reverse("alert_delivery_retry", args=[delivery.pk])))
    delivery.refresh_from_db()
    assert delivery.state == "failed"
    post = ManualPost.objects.get(delivery__syndication__alert=failed_alert, channel="weibo")
    assert client.post(reverse("alert_manual_post_tick", args=[post.pk]), {"note": "https://weibo.example/1"}).status_code == 302
    post.refresh_from_db()
    assert post.posted_by.username == "editor" and post.posted_at and post.note == "https://weibo.example/1"
    manual = post.delivery
    manual.refresh_from_db()
    assert manual.sent == 1 and manual.state == "pending"


def test_an_editor_cannot_see_partner_endpoints(client):
    login(client, "editor")
    assert refused(client.get(reverse("wagtailsnippets_alerts_partnerendpoint:list")))
    assert refused(client.get(reverse("wagtailsnippets_alerts_partnerendpoint:add")))


def test_a_site_administrator_manages_partner_endpoints(client):
    login(client, "siteadmin")
    assert client.get(reverse("wagtailsnippets_alerts_partnerendpoint:list")).status_code == 200


def test_a_reviewer_retries_a_failed_delivery(client, failed_alert, receiver):
    login(client, "reviewer")
    delivery = Delivery.objects.get(syndication__alert=failed_alert, channel="webhook")
    html = client.get(reverse("alert_syndication_timeline", args=[failed_alert.pk])).content.decode()
    assert reverse("alert_delivery_retry", args=[delivery.pk]) in html

    response = client.post(reverse("alert_delivery_retry", args=[delivery.pk]))
    assert response.status_code == 302
    delivery.refresh_from_db()
    assert delivery.state == "retrying" and delivery.attempts == 0
    assert client.post(reverse("alert_delivery_retry", args=[delivery.pk])).status_code == 302  # not failed: no-op
    assert client.get(reverse("alert_delivery_retry", args=[delivery.pk])).status_code == 405


def test_the_dashboard_lists_failed_deliveries_of_the_last_seven_days(client, failed_alert):
    from datetime import timedelta

    from django.utils import timezone

    html = login(client, "reviewer").get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="failed-alert-deliveries' in html or "failed-alert-deliveries" in html
    assert "Fake courier refunds" in html and "Loopback partner" in html
    Delivery.objects.filter(state="failed").update(updated_at=timezone.now() - timedelta(days=8))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "failed-alert-deliveries" not in html


def test_the_syndication_index_lists_alerts_sent_out(client, failed_alert):
    response = login(client, "siteadmin").get(reverse("alert_syndication_index"))
    assert response.status_code == 200 and "Fake courier refunds" in response.content.decode()


def test_without_the_permission_the_timeline_is_refused(client, failed_alert):
    user = get_user_model().objects.create_user("nobody", password="x")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert refused(client.get(reverse("alert_syndication_timeline", args=[failed_alert.pk])))
    assert refused(client.get(reverse("alert_syndication_index")))
    assert "failed-alert-deliveries" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_an_unknown_alert_or_delivery_is_a_404(client):
    login(client, "reviewer")
    assert client.get(reverse("alert_syndication_timeline", args=[999999])).status_code == 404
    assert client.post(reverse("alert_delivery_retry", args=[999999])).status_code == 404
    assert client.post(reverse("alert_manual_post_tick", args=[999999])).status_code == 404
