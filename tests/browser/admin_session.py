"""Signing a demo user in to the admin for browser tests, without the server writing a login.

The session is created and committed before the browser starts (the live server only reads, see
``conftest``) and deleted afterwards; the browser context carries its cookie.
"""

import contextlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client


@contextlib.contextmanager
def signed_in(django_db_blocker, username):
    """Yields the session cookie of ``username`` as Playwright's ``add_cookies`` takes it (without the URL)."""
    with django_db_blocker.unblock():
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        session = client.session
    try:
        yield {"name": settings.SESSION_COOKIE_NAME, "value": session.session_key}
    finally:
        with django_db_blocker.unblock():
            session.delete()
