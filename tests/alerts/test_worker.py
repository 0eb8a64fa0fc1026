"""The real task worker: production and development queue tasks in the database, and ``db_worker`` runs them."""

import json
import subprocess
import sys
from unittest import mock

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from alerts.models import Delivery, Subscriber

pytestmark = pytest.mark.django_db
DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.parametrize("name", ["portal.settings.dev", "portal.settings.production"])
def test_production_and_development_use_the_database_backend(name):
    """Each settings module read in a fresh interpreter, as a server or the worker reads it."""
    code = f"import json, {name} as s; print(json.dumps([s.TASKS, 'django_tasks_db' in s.INSTALLED_APPS]))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            cwd=settings.BASE_DIR, env={"SECRET_KEY": "test-only-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [DATABASE_BACKEND, True]


def test_the_test_settings_run_tasks_immediately():
    assert settings.TASKS["default"]["BACKEND"] == "django_tasks.backends.immediate.ImmediateBackend"


def test_an_alert_published_under_the_database_backend_waits_for_the_worker(smtp_server, publish_alert):
    from django_tasks_db.models import DBTaskResult

    subscriber = Subscriber.objects.create(email="w@example.org", language="en", consent_text="x")
    subscriber.confirmed_at = subscriber.requested_at
    subscriber.save()
    with override_settings(TASKS=DATABASE_BACKEND):
        alert = publish_alert("en")
        assert smtp_server.messages == []  # queued in the database, not run in the request
        queued = DBTaskResult.objects.filter(task_path="alerts.syndication.tasks.run_delivery")
        assert queued.count() == 1
        # The worker runs in this test's transaction: its between-task connection check would close the
        # connection (an open transaction looks like a broken one) and, on PostgreSQL, end the test's data.
        with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
            call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)
    assert smtp_server.recipients() == ["w@example.org"]
    assert Delivery.objects.get(syndication__alert=alert, channel="email").state == "sent"
    assert queued.get().status == "SUCCESSFUL"
