from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    """Fraud alerts: the snippet, the alerts page, its feed, API endpoint, the site-wide banner, e-mail
    subscriptions and the syndication of each alert to every channel."""

    name = "alerts"
    verbose_name = _("Fraud alerts")

    def ready(self):
        from . import signals  # noqa: F401  (a changed alert makes cached pages stale: the banner shows it)
        from .syndication import signals as syndication_signals  # noqa: F401  (a live alert is sent out)
