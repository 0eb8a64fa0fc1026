"""Security headers on public pages, the admin's exception, and the throttled admin login."""

import pytest

pytestmark = pytest.mark.django_db


def test_public_pages_carry_the_security_headers(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY" or "frame-ancestors 'none'" in csp


def test_no_inline_scripts_or_styles_on_any_page_type(client, page_of):
    import re

    from tests.portal.test_pages import PAGE_TYPES

    for model in PAGE_TYPES:
        html = client.get(page_of(model).url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), model.__name__
        assert " style=" not in html and "<style" not in html, model.__name__


def test_the_admin_has_its_own_policy_no_other_origin_allowed(admin_client):
    """Issue 14, item 9: Wagtail's admin needs inline scripts and styles, but nothing from another origin."""
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    directives = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
    assert directives["script-src"] == "'self' 'unsafe-inline'" and directives["frame-ancestors"] == "'self'"
    assert directives["form-action"] == "'self'" and directives["base-uri"] == "'self'"
    assert "http" not in directives["script-src"] + directives["connect-src"] + directives["style-src"]


def test_admin_login_is_throttled(client):
    statuses = [
        client.post("/admin/login/", {"username": "admin", "password": f"wrong-{attempt}"}).status_code
        for attempt in range(12)
    ]
    assert statuses[0] == 200  # the form again, with an error
    assert statuses[-1] == 429


def test_behind_a_proxy_the_login_throttle_counts_each_client_apart(client, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"  # as production sets it behind deploy/nginx

    def attempt(address):
        form = {"username": "admin", "password": "wrong"}
        return client.post("/admin/login/", form, REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP=address).status_code

    assert [attempt("203.0.113.7") for _ in range(11)][-1] == 429
    assert attempt("198.51.100.20") == 200  # another visitor behind the same proxy is not locked out


def test_behind_a_proxy_a_request_without_its_header_is_counted_not_a_500(client, settings):
    """Issue 14, item 8: django-ratelimit answered 500 when the configured header was missing."""
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    form = {"username": "admin", "password": "wrong"}
    statuses = [client.post("/admin/login/", form, REMOTE_ADDR="127.0.0.1").status_code for _ in range(11)]
    assert statuses[0] == 200 and statuses[-1] == 429  # counted by the connection's address
    assert client.post("/admin/login/", form, HTTP_X_REAL_IP="not an address").status_code == 429
    assert client.get("/search/suggest/?q=a", HTTP_X_REAL_IP="").status_code < 500


def test_database_outage_answers_a_friendly_503(monkeypatch):
    from django.db import OperationalError, connection
    from django.test import Client

    def refuse(*args, **kwargs):
        raise OperationalError("could not connect to server")  # what Django raises when the server is gone

    monkeypatch.setattr(connection, "ensure_connection", refuse)
    monkeypatch.setattr(connection, "cursor", refuse)
    response = Client(raise_request_exception=False).get("/en/articles/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "96110" in response.content.decode() and "Traceback" not in response.content.decode()


def test_a_request_that_lost_the_database_answers_503_even_once_it_is_back(monkeypatch, page_of):
    # A restart: the request failed while the server was away; by the time the error page is
    # chosen the database answers again. It is still an outage for that visitor, not a bug.
    from django.db import OperationalError
    from django.test import Client

    from articles.models import ArticleIndexPage

    def lost(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(ArticleIndexPage, "get_context", lost)
    response = Client(raise_request_exception=False).get(page_of(ArticleIndexPage, "en").url)
    assert response.status_code == 503 and response["Retry-After"] == "30"


def test_a_bug_still_answers_500(monkeypatch, page_of):
    from django.test import Client

    from articles.models import ArticleIndexPage

    def bug(*args, **kwargs):
        raise ZeroDivisionError

    monkeypatch.setattr(ArticleIndexPage, "get_context", bug)
    response = Client(raise_request_exception=False).get(page_of(ArticleIndexPage, "en").url)
    assert response.status_code == 500 and "Traceback" not in response.content.decode()
