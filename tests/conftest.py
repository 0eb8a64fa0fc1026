"""Shared fixtures: one seeded demo database for the whole run.

The demo is built once per test session (``seed_demo``); each test then runs
inside a transaction that is rolled back, so tests can change content freely.
"""

import pytest
from django.core.management import call_command
from django.test import Client


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", stdout=open("/dev/null", "w"))


@pytest.fixture(autouse=True)
def clear_cache():
    """Caches outlive a test's rolled-back transaction, so each test starts with empty ones.

    The limits store (``RATELIMIT_USE_CACHE``) is a database table: it is rolled back with the test.
    """
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache

    def clear():
        for cache in caches.all():
            if not isinstance(cache, DatabaseCache):
                cache.clear()

    clear()
    yield
    clear()


@pytest.fixture
def client():
    return Client()


@pytest.fixture
def page_of():
    """Find a live page by model and locale: ``page_of(ArticlePage, "en", slug=...)``."""
    from wagtail.models import Locale

    def find(model, language="zh-hans", **filters):
        return model.objects.live().filter(locale=Locale.objects.get(language_code=language), **filters).first()

    return find


@pytest.fixture
def one_window(monkeypatch):
    """django-ratelimit's windows follow the clock: hold it still so the requests share one window."""
    import django_ratelimit.core

    frozen = int(django_ratelimit.core.time.time())
    monkeypatch.setattr(django_ratelimit.core, "time", type("Clock", (), {"time": staticmethod(lambda: frozen)}))
