from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    """Fraud alerts: the snippet, the alerts page, its feed, API endpoint and the site-wide banner."""

    name = "alerts"
    verbose_name = _("Fraud alerts")

    def ready(self):
        from . import signals  # noqa: F401  (a changed alert makes cached pages stale: the banner shows it)
