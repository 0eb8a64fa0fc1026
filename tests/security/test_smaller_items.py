"""Item 9 of issue 14: the smaller holes, each through the real views."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from alerts.models import AlertIndexPage, FraudAlert

pytestmark = pytest.mark.django_db


def test_a_future_dated_alert_is_not_reachable_before_its_window(client, page_of):
    index = page_of(AlertIndexPage, "en")
    alert = FraudAlert.objects.create(
        title="Zorbex warning for tomorrow", summary="Not yet.", locale=index.locale,
        active_from=timezone.now() + timedelta(days=1),
    )
    alert.save_revision().publish()
    alert = FraudAlert.objects.get(pk=alert.pk)
    assert not alert.live and alert.scheduled_revision is not None  # its window schedules it (issue 15)
    # An alert published ahead of its window before the window became the schedule is live already:
    # it stays unreachable until the window opens.
    FraudAlert.objects.filter(pk=alert.pk).update(live=True)
    assert client.get(f"{index.url}{alert.pk}/").status_code == 404
    assert client.get(f"{index.url}{alert.pk}/poster.png").status_code in (301, 404)
    assert client.get(f"/api/v2/alerts/{alert.pk}/").status_code == 404
    assert alert.pk not in {item["id"] for item in client.get("/api/v2/alerts/?limit=50").json()["items"]}
    FraudAlert.objects.filter(pk=alert.pk).update(active_from=timezone.now() - timedelta(minutes=1))
    assert client.get(f"{index.url}{alert.pk}/").status_code == 200


def test_the_400_page_does_not_echo_the_host():
    response = Client(raise_request_exception=False).get("/en/", HTTP_HOST="evil-zorbex.example")
    assert response.status_code == 400
    assert "evil-zorbex" not in response.content.decode()


def test_our_own_400_reasons_are_still_shown(client):
    response = client.get("/en/articles/?year=abc")
    assert response.status_code == 400 and "year" in response.content.decode()


def test_password_reset_is_throttled(client, one_window):
    from django.core import mail

    statuses = [client.post("/admin/password_reset/", {"email": "editor@example.com"}).status_code for _ in range(7)]
    assert statuses[:5] == [302] * 5 and statuses[-1] == 429
    assert len(mail.outbox) == 5


def test_search_is_rate_limited(client, one_window):
    """Database search (no engine configured here): the page, then the friendly 429."""
    statuses = [client.get(f"/en/search/?q=refund{index}").status_code for index in range(31)]
    assert statuses[:30] == [200] * 30 and statuses[-1] == 429


def test_a_shared_address_may_search_more(settings, one_window):
    """``RATELIMIT_ALLOWED_MORE`` raises the search and suggestion limits for that address only."""
    settings.RATELIMIT_ALLOWED_MORE = {"203.0.113.7": 35}
    desk, person = Client(REMOTE_ADDR="203.0.113.7"), Client(REMOTE_ADDR="198.51.100.9")
    desk_statuses = [desk.get(f"/en/search/?q=refund{index}").status_code for index in range(36)]
    person_statuses = [person.get(f"/en/search/?q=refund{index}").status_code for index in range(31)]
    assert desk_statuses == [200] * 35 + [429]
    assert person_statuses == [200] * 30 + [429]
    suggestions = [desk.get("/en/search/suggest/?q=re").status_code for _ in range(36)]
    assert suggestions == [200] * 35 + [429]  # the desk's own limit, below the usual 60


def test_recorded_search_queries_are_bounded(client, monkeypatch):
    from wagtail.contrib.search_promotions.models import Query

    from search import views

    monkeypatch.setattr(views, "MAX_RECORDED_QUERIES", Query.objects.count() + 2)
    for word in ("zorbexa", "zorbexb", "zorbexc", "zorbexd"):
        assert client.get(f"/en/search/?q={word}").status_code == 200
    recorded = set(Query.objects.filter(query_string__startswith="zorbex").values_list("query_string", flat=True))
    assert recorded == {"zorbexa", "zorbexb"}
    client.get("/en/search/?q=zorbexa")  # a known query is still counted
    assert Query.objects.get(query_string="zorbexa").hits == 2


def test_hreflang_and_robots_links_come_from_site_base_url(client, settings):
    settings.ALLOWED_HOSTS = ["*"]  # a proxy that passes any Host through: the links must not follow it
    settings.SITE_BASE_URL = "https://portal.example.com"
    html = client.get("/en/", HTTP_HOST="attacker.example").content.decode()
    alternates = [line for line in html.splitlines() if 'rel="alternate" hreflang' in line]
    assert alternates and all('href="https://portal.example.com/' in line for line in alternates)
    assert "attacker.example" not in html
    robots = client.get("/robots.txt", HTTP_HOST="attacker.example").content.decode()
    assert "Sitemap: https://portal.example.com/sitemap.xml" in robots


def test_the_contact_check_sends_the_query_by_post(client):
    """Item 9: the checked number is not in the URL, so not in the access logs."""
    form = client.get("/en/check/").content.decode()
    assert 'method="post"' in form and "csrfmiddlewaretoken" in form
    answer = client.post("/en/check/", {"q": "400-123-4567"})
    assert answer.status_code == 200 and "Not an official channel" in answer.content.decode()
    assert "no-cache" in answer["Cache-Control"] or "max-age=0" in answer["Cache-Control"]
    assert Client(enforce_csrf_checks=True).post("/en/check/", {"q": "95511"}).status_code == 403
