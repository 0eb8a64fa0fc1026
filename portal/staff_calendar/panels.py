"""The dashboard's "Next 14 days" panel: the calendar's entries from today on, for the signed-in user."""

from wagtail.admin.ui.components import Component

from .entries import calendar_entries
from .views import upcoming_span

DAYS = 14


class UpcomingPanel(Component):
    """Added to the admin home page by ``construct_homepage_panels`` (``portal.wagtail_hooks``)."""

    name = "campaign_calendar_upcoming"
    order = 150
    template_name = "portal/staff_calendar/panel.html"

    def get_context_data(self, parent_context=None):
        request = parent_context["request"]
        return {"request": request, "entries": calendar_entries(request.user, *upcoming_span(DAYS)), "days": DAYS}
