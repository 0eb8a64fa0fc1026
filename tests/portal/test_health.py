import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_cache_and_search(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == {"status": "ok", "vendor": connection.vendor}
    assert body["checks"]["cache"]["status"] == "ok"
    assert body["checks"]["search"]["backend"] == "database"


def test_healthz_is_503_when_the_database_fails(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise connection.Database.OperationalError("database is down")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == {"status": "down", "error": "OperationalError"}


def test_healthz_reports_degraded_search_when_engine_unreachable(client, settings):
    from search.engine import get_client

    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    get_client.cache_clear()
    try:
        body = client.get("/healthz/").json()
    finally:
        get_client.cache_clear()
    assert body["status"] == "degraded"
    assert body["checks"]["search"]["status"] == "degraded"
