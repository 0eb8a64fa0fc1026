from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from . import chrome, frontend_cache, privacy  # noqa: F401  (connect their cache-invalidation signals)
        from .review import signals  # noqa: F401  (keeps workflow tasks on the submitted revision)
