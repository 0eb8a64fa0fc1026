"""deploy/nginx/portal.conf in a real nginx: anonymous pages are microcached, nothing personal ever is.

nginx (Debian's, from ``scripts/nginx install``) runs the sample config as ``bench/nginx.py`` fills it in,
on a free loopback port with a fresh microcache per test, in front of a live server on the seeded demo.
The live server is Django's ``LiveServerThread`` reading the session's committed demo, as in
tests/browser/conftest.py and for the same reasons (``live_server`` would flush the demo).
"""

import gzip
import http.client
import re
from typing import NamedTuple
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client

from bench import nginx
from tests.demo_server import serving_demo

pytestmark = pytest.mark.django_db

HOME = "/en/"
ARTICLE = "/articles/fake-surrender-refund-agents/"
# Files that only nginx's STATIC_ROOT and MEDIA_ROOT hold: the live server would answer 404.
HASHED_CSS = "portal/css/nginx-only.0123456789ab.css"
PLAIN_CSS = "portal/css/nginx-only.css"
CSS = b"body { color: #1a1a1a; }\n" * 40
# A request's cookies, and those of an anonymous visitor to the same cache entry. Django answers these
# values without a Set-Cookie (a real session, a well-formed CSRF secret, a messages cookie it ignores),
# so only the proxy's own rules keep the responses out of the cache.
COOKIES = {
    "editor-session": ("sessionid={session}", ""),
    "csrf": ("csrftoken=" + "Zx81" * 8, ""),
    "messages": ("messages=abc", ""),
    "large-view-and-session": ("view=large; sessionid={session}", "view=large"),
}


class Response(NamedTuple):
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def cache(self):
        return self.headers.get("X-Cache-Status")


def fetch(base, path, method="GET", cookie=None, **headers):
    connection = http.client.HTTPConnection(urlsplit(base).netloc, timeout=10)
    if cookie:
        headers["Cookie"] = cookie
    connection.request(method, path, body=b"answer=1" if method == "POST" else None, headers=headers)
    response = connection.getresponse()
    result = Response(response.status, response.headers, response.read())
    connection.close()
    return result


@pytest.fixture(scope="module")
def upstream(django_db_setup, django_db_blocker):
    """A live server on the seeded demo for the module; yields its "127.0.0.1:port"."""
    with serving_demo(django_db_blocker, [HOME, ARTICLE]) as port:
        yield f"127.0.0.1:{port}"


@pytest.fixture(scope="module")
def editor_session(django_db_blocker):
    """A logged-in editor's session key, committed so the live server's threads see it."""
    with django_db_blocker.unblock():
        client = Client()
        client.force_login(get_user_model().objects.get(username="editor"))
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    yield key
    with django_db_blocker.unblock():
        Session.objects.filter(session_key=key).delete()


@pytest.fixture
def site(upstream, tmp_path):
    """nginx with the sample config in front of the live server; yields its base URL."""
    if not nginx.binary():
        pytest.fail(nginx.MISSING, pytrace=False)
    static, media = tmp_path / "static", tmp_path / "media"
    (static / "portal/css").mkdir(parents=True)
    (static / HASHED_CSS).write_bytes(CSS)
    (static / f"{HASHED_CSS}.gz").write_bytes(gzip.compress(CSS))
    (static / PLAIN_CSS).write_bytes(CSS)
    (media / "documents").mkdir(parents=True)
    (media / "documents/private-report.pdf").write_bytes(b"%PDF-1.4 private")
    (media / "poster.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    with nginx.proxy(upstream, static, media) as base:
        yield base


def test_second_anonymous_request_is_served_from_the_microcache(site):
    first, second = fetch(site, ARTICLE), fetch(site, ARTICLE)
    assert (first.status, first.cache) == (200, "MISS")
    assert (second.status, second.cache) == (200, "HIT")
    assert second.body == first.body
    # An unrelated cookie (analytics) neither bypasses the cache nor makes an entry of its own.
    assert fetch(site, ARTICLE, cookie="_ga=GA1.2.345").cache == "HIT"


@pytest.mark.parametrize("cookie", COOKIES, ids=COOKIES)
def test_session_csrf_and_message_cookies_bypass_the_cache_and_are_never_stored(site, editor_session, cookie):
    cookie, anonymous = (value.format(session=editor_session) for value in COOKIES[cookie])
    assert [fetch(site, HOME, cookie=cookie).cache for _ in range(2)] == ["BYPASS", "BYPASS"]
    first = fetch(site, HOME, cookie=anonymous)
    assert first.cache == "MISS", "a response to a request with a session or CSRF cookie was stored"
    assert fetch(site, HOME, cookie=anonymous).cache == "HIT"
    assert fetch(site, HOME, cookie=cookie).cache == "BYPASS", "a cached page was served to a session"


def test_large_text_view_is_a_cache_entry_of_its_own(site):
    standard = [fetch(site, HOME) for _ in range(2)]
    large = [fetch(site, HOME, cookie="view=large") for _ in range(2)]
    assert [response.cache for response in standard + large] == ["MISS", "HIT", "MISS", "HIT"]
    assert b'class="view-large"' in large[1].body
    assert b'class="view-large"' not in standard[1].body
    again = fetch(site, HOME)
    assert again.cache == "HIT" and again.body == standard[1].body
    # Any other value is the standard view: it shares that entry instead of creating new ones.
    forged = fetch(site, HOME, cookie="view=huge")
    assert forged.cache == "HIT" and forged.body == standard[1].body


def test_post_is_never_answered_from_the_cache(site):
    assert [fetch(site, ARTICLE).cache for _ in range(2)] == ["MISS", "HIT"]
    post = fetch(site, ARTICLE, method="POST", **{"Content-Type": "application/x-www-form-urlencoded"})
    assert post.status == 403, "the POST did not reach Django (its CSRF check answers 403)"
    assert post.cache != "HIT"
    after = fetch(site, ARTICLE)
    assert (after.status, after.cache) == (200, "HIT"), "the POST's response replaced the cached page"


@pytest.mark.parametrize("path", ["/search/?q=x", "/en/search/?q=x", "/healthz/", "/admin/login/"])
def test_search_health_and_admin_are_never_cached(site, path):
    responses = [fetch(site, path) for _ in range(2)]
    assert [response.status for response in responses] == [200, 200]
    assert [response.cache for response in responses] == ["BYPASS", "BYPASS"]


def test_static_files_are_served_by_nginx_with_far_future_caching(site):
    hashed = fetch(site, f"/static/{HASHED_CSS}")
    assert hashed.status == 200 and hashed.body == CSS
    assert hashed.cache is None, "a static file went to the upstream"
    cache_control = ", ".join(hashed.headers.get_all("Cache-Control"))
    assert "immutable" in cache_control
    assert int(re.search(r"max-age=(\d+)", cache_control).group(1)) >= 365 * 24 * 3600
    assert hashed.headers["X-Content-Type-Options"] == "nosniff"
    # gzip_static: the precompressed file as it is on disk (on-the-fly gzip would be chunked).
    compressed = fetch(site, f"/static/{HASHED_CSS}", **{"Accept-Encoding": "gzip"})
    assert compressed.headers["Content-Encoding"] == "gzip"
    assert int(compressed.headers["Content-Length"]) == len(gzip.compress(CSS))
    assert gzip.decompress(compressed.body) == CSS
    # A name without the content's hash may change at the next deploy: cached briefly, not immutable.
    plain = fetch(site, f"/static/{PLAIN_CSS}")
    assert plain.status == 200 and plain.headers["Cache-Control"] == "max-age=3600"


def test_media_is_served_by_nginx_but_documents_only_through_wagtail(site):
    assert fetch(site, "/media/poster.png").status == 200
    assert fetch(site, "/media/documents/private-report.pdf").status == 404
