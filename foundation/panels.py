"""The pre-check panel at the top of every edit form.

Which checks run is not this app's business: the consumer-protection review (the ``review`` app,
a layer above) registers its pre-check with the ``register_content_checks`` Wagtail hook — a
function that takes a page or snippet and returns a report, which names the template that shows
it (``panel_template``; it gets ``report``, ``instance`` and ``request``). A hook keeps the import direction downward: the ground app asks, the app above
answers. The edit view binds panels to the latest revision, so the report matches the version
the workflow would check, and it refreshes every time the editor saves.
See https://docs.wagtail.org/en/stable/reference/hooks.html and
https://docs.wagtail.org/en/stable/reference/panels.html
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import Panel

CHECKS_HOOK = "register_content_checks"


class ContentChecksPanel(Panel):
    """A read-only panel listing what the registered pre-checks say about this content."""

    def __init__(self, heading="", **kwargs):
        super().__init__(heading=heading or _("Consumer-protection checks"), **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "foundation/checks_panel.html"

        def is_shown(self):
            return bool(hooks.get_hooks(CHECKS_HOOK))

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            # A new object has nothing saved to check yet.
            saved = self.instance is not None and self.instance.pk
            context["reports"] = [check(self.instance) for check in hooks.get_hooks(CHECKS_HOOK)] if saved else None
            context.update(instance=self.instance, request=self.request)
            return context
