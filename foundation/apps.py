from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FoundationConfig(AppConfig):
    """The ground floor: what every content app builds on (abstract pages, blocks, listings, caching)."""

    name = "foundation"
    verbose_name = _("Foundation")

    def ready(self):
        # Forget cached content when published content changes; point copies made for translation at their language.
        from . import signals, translation_copies  # noqa: F401
