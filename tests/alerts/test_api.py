"""The read-only API: only live public content, alerts for partners, bad parameters are a 400."""

import pytest
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from alerts.models import FraudAlert
from articles.models import ArticlePage
from portal.models import StandardPage

pytestmark = pytest.mark.django_db


def listed_ids(client, query=""):
    response = client.get(f"/api/v2/pages/?limit=50&{query}")
    assert response.status_code == 200
    ids = [item["id"] for item in response.json()["items"]]
    return ids


def test_unpublished_pages_are_neither_listed_nor_served_by_id(client, page_of):
    article = page_of(ArticlePage, "en")
    assert article.pk in listed_ids(client, "type=articles.ArticlePage&locale=en")
    article.unpublish()
    assert article.pk not in listed_ids(client, "type=articles.ArticlePage&locale=en")
    assert client.get(f"/api/v2/pages/{article.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/find/?id={article.pk}").status_code == 404


@pytest.mark.parametrize("restriction", [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD])
def test_private_pages_stay_out_even_for_logged_in_editors(admin_client, page_of, restriction):
    page = page_of(StandardPage, "en")
    PageViewRestriction.objects.create(page=page, restriction_type=restriction, password="secret")
    for client in (Client(), admin_client):
        assert page.pk not in listed_ids(client, "type=portal.StandardPage")
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404


def test_only_live_pages_are_listed_at_all(client):
    ids = set(listed_ids(client, "limit=50&offset=0"))
    live = set(Page.objects.live().values_list("pk", flat=True))
    assert ids and ids <= live


@pytest.mark.parametrize("query", [
    "first_published_at=soon", "type=campaigns.EventPage&start=garbage",
    "type=campaigns.CampaignPage&start_date=2026-13-45",
    "limit=-1", "offset=abc", "child_of=abc", "order=nope", "search=x&order=nope", "unknown=1",
])
def test_bad_page_parameters_are_a_400(client, query):
    assert client.get(f"/api/v2/pages/?{query}").status_code == 400


def test_find_with_a_malformed_id_is_a_400(client):
    assert client.get("/api/v2/pages/find/?id=abc").status_code == 400
    assert client.get("/api/v2/alerts/find/?id=abc").status_code == 400


def test_partners_get_the_fields_they_need(client, page_of):
    fields = {"provider", "duration", "summary", "audience_slugs", "topic_names"}
    films = client.get("/api/v2/pages/?type=campaigns.FilmPage&fields=" + ",".join(fields)).json()["items"]
    assert films and all(fields <= item.keys() for item in films)
    article = page_of(ArticlePage, "en")
    detail = client.get(f"/api/v2/pages/{article.pk}/").json()
    assert detail["meta"]["first_published_at"] and detail["summary"] and detail["audience_slugs"]
    assert "owner" not in detail and "owner" not in detail["meta"]


def test_alerts_endpoint_lists_published_alerts_for_partners(client):
    response = client.get("/api/v2/alerts/?locale=en&limit=50")
    assert response.status_code == 200
    items = response.json()["items"]
    published = FraudAlert.objects.published().filter(locale__language_code="en")
    assert {item["id"] for item in items} == set(published.values_list("pk", flat=True))
    first = items[0]
    assert {"title", "severity", "summary", "active_from", "active_until", "html_url"} <= first.keys()
    assert first["meta"]["locale"] == "en"
    detail = client.get(f"/api/v2/alerts/{first['id']}/").json()
    assert detail["audience_slugs"] and detail["html_url"].endswith(f"/en/alerts/{first['id']}/")


def test_alerts_can_be_narrowed_to_active_ones(client):
    active = client.get("/api/v2/alerts/?locale=zh-hans&active=true").json()["items"]
    past = client.get("/api/v2/alerts/?locale=zh-hans&active=false").json()["items"]
    expected = FraudAlert.objects.active().filter(locale__language_code="zh-hans").values_list("pk", flat=True)
    assert {item["id"] for item in active} == set(expected)
    assert len(active) == 3 and len(past) == 2
    critical = client.get("/api/v2/alerts/?severity=critical").json()["items"]
    assert critical and all(item["severity"] == "critical" for item in critical)


def test_unpublished_alerts_are_not_served(client):
    alert = FraudAlert.objects.filter(locale__language_code="en").first()
    FraudAlert.objects.filter(pk=alert.pk).update(live=False)
    assert client.get(f"/api/v2/alerts/{alert.pk}/").status_code == 404
    assert alert.pk not in {item["id"] for item in client.get("/api/v2/alerts/").json()["items"]}


@pytest.mark.parametrize(
    "query", ["active=maybe", "active_from=yesterday", "locale=", "order=password", "severity=%00", "nope=1"]
)
def test_bad_alert_parameters_are_4xx(client, query):
    assert client.get(f"/api/v2/alerts/?{query}").status_code in {400, 404}


def test_the_api_does_not_write(client, page_of):
    article = page_of(ArticlePage, "en")
    for method in (client.post, client.put, client.delete):
        assert method(f"/api/v2/pages/{article.pk}/").status_code == 405
