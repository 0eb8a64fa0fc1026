"""The site-wide banner: the most severe active alert in a language, cached.

``FraudAlert.objects.active()`` orders by severity, then newest. Like the rest of the site chrome
the banner is cached under the content version (``foundation.cache``), which saving, publishing
or unpublishing an alert bumps; unlike the rest it expires after ``BANNER_SECONDS``, because an
alert's active window opens and closes with the clock. So a banner appears or goes at most that
long after its window says, at no query cost on most requests.
"""

from django.utils import translation

from foundation import cache

from .models import FraudAlert

BANNER_SECONDS = 60


def alert_banner(language_code):
    """The banner's alert as a small dict, or None when no alert is active in that language."""

    def build():
        alert = FraudAlert.objects.active().filter(locale__language_code=language_code).first()
        if alert is None or not alert.url:
            return None
        with translation.override(language_code):
            return {
                "id": alert.pk, "title": alert.title, "summary": alert.summary, "url": alert.url,
                "severity": alert.severity, "severity_label": str(alert.get_severity_display()),
            }

    return cache.versioned("alert-banner", language_code, compute=build, timeout=BANNER_SECONDS)
