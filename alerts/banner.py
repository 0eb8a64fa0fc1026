"""The site-wide banner: the most severe active alert in a language, cached.

``FraudAlert.objects.active()`` orders by severity, then newest. The banner is rebuilt when an
alert of its language is published, unpublished or deleted (the ``alerts:<language>`` tag,
``alerts.signals``), never for a draft; and after ``BANNER_SECONDS`` at the latest, because an
alert's active window opens and closes with the clock.

Every page shows the banner, so every cached page depends on it, but on what it *shows*, not on
the alerts: pages depend on ``banner:<language>``, which changes only when a rebuilt banner
differs from the previous one. Publishing an alert that does not top the banner empties no page;
one that does, or a window boundary, empties every page of that language on its next request.
The page cache asks for the banner before serving a copy (``portal.page_cache``), so the copy is
checked against a banner at most ``BANNER_SECONDS`` old.
"""

from django.core.cache import cache as django_cache
from django.utils import translation

from foundation import cache

from .models import FraudAlert, alerts_tag

BANNER_SECONDS = 60


def banner_tag(language_code):
    return f"banner:{language_code}"


def alert_banner(language_code):
    """The banner's alert as a small dict, or None when no alert is active in that language."""

    def build():
        alert = FraudAlert.objects.active().filter(locale__language_code=language_code).first()
        value = None
        if alert is not None and alert.url:
            with translation.override(language_code):
                value = {
                    "id": alert.pk, "title": alert.title, "summary": alert.summary, "url": alert.url,
                    "severity": alert.severity, "severity_label": str(alert.get_severity_display()),
                }
        shown_key = f"portal:banner-shown:{language_code}"
        if django_cache.get(shown_key, "unknown") != value:
            django_cache.set(shown_key, value, None)
            cache.invalidate(banner_tag(language_code))
        return value

    with cache.isolated():  # pages depend on what the banner shows, not on every alert change
        value = cache.versioned(
            "alert-banner", language_code, compute=build, tags=[alerts_tag(language_code)], timeout=BANNER_SECONDS
        )
    cache.depends_on_tags(banner_tag(language_code))
    return value
