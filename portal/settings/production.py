"""Production: every secret from the environment, secure transport on by default.

Refuses to start with the development secret key or with DEBUG on, so a
misconfigured deployment fails loudly instead of serving insecurely.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

if os.environ.get("DEBUG") and env_bool("DEBUG"):
    raise ImproperlyConfigured("DEBUG must be off under production settings.")
if "SECRET_KEY" not in os.environ or SECRET_KEY.startswith("dev-only"):  # noqa: F405
    raise ImproperlyConfigured("Set SECRET_KEY to a long random value for production.")
# Django's own deploy check wants 50 characters with 5 different ones; only a warning there, a
# refusal here (a short key makes form tokens, sessions and password-reset links guessable).
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 random characters under production settings.")

DEBUG = False
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Rate limits (admin login, forms, suggestions) key on the client's address. Behind a reverse proxy
# every request comes from the proxy, so name the header it sets for the client instead:
# RATELIMIT_IP_META_KEY=HTTP_X_REAL_IP with deploy/nginx/portal.conf. Only a header the proxy
# always overwrites is safe; a client could forge any other.
# A request without that header (one that reached the app server directly) is counted by its own
# address instead of answering 500 (foundation/ratelimit.py).
CLIENT_IP_HEADER = os.environ.get("RATELIMIT_IP_META_KEY", "REMOTE_ADDR")
