"""Settings shared by every environment.

Everything that differs between machines is read from the environment
(the README's configuration table); the defaults here are safe for development.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    """Read a comma-separated environment variable into a list of stripped items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")

# The project's apps, top layer first (README, "Code layout"): each imports only from those below it.
INSTALLED_APPS = [
    "portal",
    "search",
    "alerts",
    "articles",
    "campaigns",
    "review",
    "foundation",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.api.v2",
    "wagtail.contrib.frontend_cache",
    "wagtail.sites",
    "review.apps.UsersConfig",  # wagtail.users, narrowed (review/users.py)
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "csp",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.humanize",  # its catalogue: Wagtail's "a minute ago" (naturaltime) in Chinese
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # ETag/If-None-Match and Last-Modified/If-Modified-Since: 304s for browsers, proxies and CDNs.
    "django.middleware.http.ConditionalGetMiddleware",
    "portal.security.PermissionsPolicyMiddleware",
    "portal.security.ContentSecurityPolicyMiddleware",  # django-csp's, with the admin's own policy
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "portal.large_text.LargeTextMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.page_cache.PageCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Inside the CSP and clickjacking middleware: previews may be framed by the admin (portal.security).
    "portal.security.PreviewFramingMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# DATABASE_URL, e.g. postgres://user:pass@127.0.0.1:5432/portal; SQLite file by default.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the task worker write at the same time: WAL lets readers and one writer
    # proceed together, and synchronous=NORMAL makes a commit cheap while still surviving a killed
    # process (only a power cut can lose the last commits). Waits up to 20 s for a lock.
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", "timeout": 20,
    })
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# CACHE_URL / REDIS_URL select Redis in production; local memory otherwise.
_cache_url = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL")
if _cache_url:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _cache_url}}
    # Editors' sessions are read on every admin request: from Redis, written through to the database.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Per process, for development and single-server use. Django's default of 300 entries is far
    # too few: every page keeps several (the page, its links, fragments, renditions) and the cache
    # would evict pages while it fills.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
            "OPTIONS": {"MAX_ENTRIES": 5_000},
        }
    }

# Rate-limit counters and used form tokens (foundation/models/limits.py): in the database, where
# no amount of page-cache traffic evicts them. Expired rows are deleted whenever the table holds
# more than MAX_ENTRIES; below that nothing is culled. The backend is Django's database cache with a
# counter's add and increment in one or two statements (foundation/limits_cache.py).
CACHES["limits"] = {
    "BACKEND": "foundation.limits_cache.LimitsCache",
    "LOCATION": "foundation_limits",
    "OPTIONS": {"MAX_ENTRIES": 1_000_000},
}
RATELIMIT_USE_CACHE = "limits"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Simplified Chinese at "/", English at "/en/".
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
# The project's catalogue first, then the Wagtail strings its zh-hans catalogue lacks (locale/wagtail/README.md).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "wagtail"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = _("Consumer Protection Education")
SITE_BASE_URL = os.environ.get("SITE_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
# Consumer-protection review: an approval holds only for the revision it was given, so a change
# after the automated pre-check passed sends the new version through the pre-check again.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# Nobody below superuser holds "publish": the workflow publishes what it approved (review/workflows.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "review.workflows.publish_after_review"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "txt", "vtt", "mp4", "webm", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 200 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "foundation.image_forms.ImageForm"  # "description" labelled as alt text
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "webp": "webp"}

# One rich-text feature policy for the site: every RichTextField and RichTextBlock uses it. Pages
# own the h1 and body blocks the h2s; images embedded in text carry alt text the review checks.
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "image"]},
    }
}

# The admin search and the public search's fallback: Wagtail's database backend.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Unset means: public search answers from the database backend only.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
# Index names start with this, so several environments can share one cluster.
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "portal-")
SEARCH_INDEX_REPLICAS = int(os.environ.get("SEARCH_INDEX_REPLICAS", "0"))

# Whole-page cache for anonymous visitors (portal/page_cache.py); 0 turns it off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# At most this many pages stored per content version and PAGE_CACHE_SECONDS (portal/page_cache.py).
PAGE_CACHE_MAX_ENTRIES = int(os.environ.get("PAGE_CACHE_MAX_ENTRIES", "5000"))

# Purging CDN / caching-proxy copies on publish (portal/frontend_cache.py); none unless configured.
# Each backend is sent to through AfterCommit: by the task worker, after the commit.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "portal.frontend_cache.AfterCommit",
        "NAME": "proxy",
        "SENDER": "portal.frontend_cache.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        "TIMEOUT": float(os.environ.get("FRONTEND_CACHE_TIMEOUT", "5")),
    }
if os.environ.get("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "portal.frontend_cache.AfterCommit",
        "NAME": "cloudflare",
        "SENDER": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_API_TOKEN"],
        "ZONEID": os.environ.get("CLOUDFLARE_ZONE_ID", ""),
    }
# Each translation is its own page with its own URL and is purged when it is published, so
# Wagtail's rewriting of one URL into every language's prefix is not wanted.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# Content-Security-Policy (django-csp): no inline scripts or styles on the public site; players
# only from the allow-listed video hosts, and only after a click (video facades).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": [
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
            "https://player.bilibili.com",
            "https://v.qq.com",
            "https://player.youku.com",
        ],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# The admin's policy (portal/security.py): Wagtail's admin needs inline scripts and styles, but
# nothing from another origin; its preview panel frames the admin's own preview view.
ADMIN_URL_PREFIX = "/admin/"
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "frame-src": ["'self'", *CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"]],
        "frame-ancestors": ["'self'"],
    },
}
# No call to Wagtail's release server from editors' browsers (a third-party request, blocked by the admin's policy).
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: the admin's avatars would otherwise load from a third party with each editor's e-mail hash.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
PERMISSIONS_POLICY = {
    "camera": "()", "microphone": "()", "geolocation": "()", "payment": "()", "usb": "()",
    "interest-cohort": "()", "fullscreen": "(self)",
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# Uploads: Wagtail's own limits above, and Django's for everything else in a request body.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Background work (django-tasks): index-queue drains, purges, mail and alert syndication run in a
# separate worker, `manage.py db_worker` (deploy/systemd/portal-worker.service), which reads the
# task rows this backend writes. A task a killed worker left half done is picked up again: the
# index queue keeps its rows, and `manage.py syndication_resume` re-queues unfinished deliveries.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Mail: Django's SMTP backend when EMAIL_HOST is set, in every settings module; without it,
# development prints mail to the console and tests keep it in memory (see dev.py and test.py).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "alerts@localhost")
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"

# Alert syndication (alerts.syndication): the WebSub hub the Atom feeds name and that is pinged when
# an alert or article goes live (none unless set); partner webhooks' time limit; recipients per SMTP
# connection. Webhooks to private, loopback or link-local addresses (and plain HTTP) are refused
# unless PARTNER_WEBHOOKS_ALLOW_PRIVATE is on, which only the test settings do.
WEBSUB_HUB_URL = os.environ.get("WEBSUB_HUB_URL", "")
PARTNER_WEBHOOK_TIMEOUT = float(os.environ.get("PARTNER_WEBHOOK_TIMEOUT", "5"))
PARTNER_WEBHOOKS_ALLOW_PRIVATE = False
ALERT_EMAIL_BATCH_SIZE = int(os.environ.get("ALERT_EMAIL_BATCH_SIZE", "500"))
# SMTP connections a batch is sent over at once (alerts.syndication.email): each message waits for
# the server's answers, so a few connections keep the worker busy; ask the relay's operator what it allows.
ALERT_EMAIL_CONNECTIONS = int(os.environ.get("ALERT_EMAIL_CONNECTIONS", "4"))
# How long a worker holds a delivery it runs (renewed per batch); past it, syndication_resume takes it over.
ALERT_DELIVERY_LEASE_SECONDS = int(os.environ.get("ALERT_DELIVERY_LEASE_SECONDS", "120"))
# The right-hand side of alert mails' Message-IDs (one per alert and subscriber, so a resent copy is a duplicate).
ALERT_MESSAGE_ID_DOMAIN = os.environ.get("ALERT_MESSAGE_ID_DOMAIN", "portal.invalid")

# Reports (portal/reports.py): submissions older than this are deleted by `manage.py purge_reports`
# (run it daily); say the same number of days in the privacy notice (the form shows this one).
REPORT_RETENTION_DAYS = int(os.environ.get("REPORT_RETENTION_DAYS", "180"))

# django-ratelimit answers over-limit requests with this view (429).
RATELIMIT_VIEW = "portal.views.rate_limited"
# The client address limits count: CLIENT_IP_HEADER (production: env RATELIMIT_IP_META_KEY), else REMOTE_ADDR.
RATELIMIT_IP_META_KEY = "foundation.ratelimit.client_ip"
CLIENT_IP_HEADER = "REMOTE_ADDR"
# Shared addresses (a community desk) allowed more requests per window than one person
# (foundation.ratelimit.allowing_more): env RATELIMIT_ALLOWED_MORE="203.0.113.7=60,198.51.100.20=30".
RATELIMIT_ALLOWED_MORE = {
    address.strip(): int(count) for address, _sep, count in
    (item.partition("=") for item in env_list("RATELIMIT_ALLOWED_MORE")) if count.strip().isdigit()
}

WAGTAILAPI_BASE_URL = SITE_BASE_URL
WAGTAILAPI_LIMIT_MAX = 50
# The API lists an image or document once a live public page uses it, or if it is in one of these
# collections (names, comma-separated): a press kit, say. Nothing is public merely by being uploaded.
PUBLIC_MEDIA_COLLECTIONS = env_list("PUBLIC_MEDIA_COLLECTIONS")
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        # Wagtail 8 runs reference-index and search updates as tasks; their per-task lines are noise.
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "elastic_transport": {"level": "WARNING"},
    },
}
