"""Local development: debug pages, console e-mail."""

from .base import *  # noqa: F403
from .base import EMAIL_HOST, env_bool

DEBUG = env_bool("DEBUG", True)
if not EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
