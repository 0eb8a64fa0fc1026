"""The caches on a real Redis, as production runs them (``CACHE_URL``).

The page cache, the listing fragments and the site chrome all live in Django's cache; with
several app servers that must be one shared Redis, so a publish on one server is seen by all.
A throw-away ``redis-server`` (Debian's, from ``scripts/redis install``) runs on a free port.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis

from articles.models import ArticlePage

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def redis_url():
    binary = shutil.which("redis-server")
    assert binary, "redis-server is not installed: run `scripts/redis install` (make test does)"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        for _ in range(100):
            try:
                redis.Redis.from_url(url).ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def on_redis(settings, redis_url):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}}
    settings.PAGE_CACHE_SECONDS = 300
    server = redis.Redis.from_url(redis_url)
    server.flushdb()
    yield server
    server.flushdb()


def test_pages_are_served_from_redis_without_sql(client, on_redis, page_of, django_assert_num_queries):
    url = page_of(ArticlePage, "en").url
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    assert any(b"portal:page:" in key for key in on_redis.keys("*"))
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second["X-Page-Cache"] == "hit" and second.content == first.content


def test_a_publish_is_seen_through_redis_at_once(client, on_redis, page_of):
    article = page_of(ArticlePage, "en")
    client.get("/en/")
    client.get(article.url)
    article.title = "Retitled while cached in Redis"
    article.save_revision().publish()
    for url in ("/en/", article.url):
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss"
        assert "Retitled while cached in Redis" in response.content.decode()


def test_cache_url_selects_redis_for_the_caches_and_sessions(redis_url):
    # A fresh process reads the settings as a server does: CACHE_URL must give a working Redis cache.
    code = (
        "from django.core.cache import cache; from django.conf import settings; "
        "cache.set('probe', 'ok'); "
        "print(settings.CACHES['default']['BACKEND'], cache.get('probe'), settings.SESSION_ENGINE)"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", "CACHE_URL": redis_url}
    result = subprocess.run([sys.executable, "manage.py", "shell", "-v", "0", "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.cache.backends.redis.RedisCache", "ok", "django.contrib.sessions.backends.cached_db"
    ]
