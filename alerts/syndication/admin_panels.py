"""The admin home page's panel of deliveries that failed in the last 7 days (``construct_homepage_panels``)."""

from wagtail.admin.ui.components import Component

from .admin_views import VIEW, failed_recently


class FailedDeliveriesPanel(Component):
    name = "failed_alert_deliveries"
    order = 210
    template_name = "alerts/admin/failed_deliveries_panel.html"

    def get_context_data(self, parent_context=None):
        request = parent_context["request"]
        allowed = request.user.has_perm(VIEW)
        return {"request": request, "deliveries": list(failed_recently()[:20]) if allowed else []}
