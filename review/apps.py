from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    """The consumer-protection review: pre-checks, claim rules, official contacts, the workflow task."""

    name = "review"
    verbose_name = _("Consumer-protection review")

    def ready(self):
        from . import signals  # noqa: F401  (workflow tasks on the submitted revision; contacts in the chrome)
