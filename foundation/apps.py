from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FoundationConfig(AppConfig):
    """The ground floor: what every content app builds on (abstract pages, blocks, listings, caching)."""

    name = "foundation"
    verbose_name = _("Foundation")

    def ready(self):
        from . import signals  # noqa: F401  (forget cached content when published content changes)
