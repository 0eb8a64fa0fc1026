"""The consumer-protection checks, shown inside the edit form."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .checks import run_checks


class ReviewChecksPanel(Panel):
    """A read-only panel listing what the pre-check would say about this content.

    The edit view binds panels to the latest revision, so the list matches the
    version the workflow would check, and it refreshes every time the editor
    saves. A custom panel only needs a ``BoundPanel`` with a template.
    See https://docs.wagtail.org/en/stable/reference/panels.html
    """

    def __init__(self, heading="", **kwargs):
        super().__init__(heading=heading or _("Consumer-protection checks"), **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "portal/review/checks_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            # A new object has nothing saved to check yet.
            context["report"] = run_checks(self.instance) if self.instance and self.instance.pk else None
            return context
