"""Fixtures for the syndication tests: loopback servers, and publishing an alert the way Wagtail does."""

import pytest
from django.utils import timezone
from wagtail.models import Locale

from alerts.models import FraudAlert
from foundation.models import Audience

from .servers import HTTPReceiver, SMTPServer


@pytest.fixture
def smtp_server(settings):
    server = SMTPServer().start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()


@pytest.fixture
def receiver():
    server = HTTPReceiver().start()
    yield server
    server.stop()


@pytest.fixture
def publish_alert(django_capture_on_commit_callbacks):
    """Create and publish an alert through a revision, running what its commit queues (immediate tasks)."""

    def publish(language="zh-hans", audiences=(), title="Fake refund agents are calling", run_tasks=True, **fields):
        locale = Locale.objects.get(language_code=language)
        fields.setdefault("active_from", timezone.now())
        alert = FraudAlert(locale=locale, title=title, summary="Hang up and call 12378.", live=False, **fields)
        alert.save()
        alert.audiences.set(Audience.objects.filter(locale=locale, slug__in=audiences))
        alert.save()
        with django_capture_on_commit_callbacks(execute=run_tasks):
            alert.save_revision().publish()
        alert.refresh_from_db()
        return alert

    return publish
