"""Test runs: fast hashing, plain static storage, in-memory e-mail."""

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
if not EMAIL_HOST:  # noqa: F405
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run inside the code that queues them (right after its commit) unless a test chooses the
# database backend and a worker (tests/alerts/test_worker.py). Tests that rely on it say so.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# The tests' webhook receivers listen on loopback over plain HTTP.
PARTNER_WEBHOOKS_ALLOW_PRIVATE = True
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
# Tests measure real renders (query budgets); the page-cache tests switch it on themselves.
PAGE_CACHE_SECONDS = 0
