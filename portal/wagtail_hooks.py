"""The "Consumer protection" admin menu (the snippets editors and reviewers manage, from every app), who reads
reports, and the campaign calendar."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from alerts.viewsets import FraudAlertViewSet, PartnerEndpointViewSet
from foundation.viewsets import AudienceViewSet
from portal import reports
from portal.staff_calendar.panels import UpcomingPanel
from portal.staff_calendar.views import CalendarReportView, reset_feed_view
from review.viewsets import ClaimExampleViewSet, ClaimRuleViewSet, OfficialContactViewSet, ReportedContactViewSet


class ConsumerProtectionGroup(SnippetViewSetGroup):
    """Groups the consumer-protection snippets under one admin menu item."""

    menu_label = _("Consumer protection")
    menu_icon = "warning"
    menu_order = 200
    items = (
        FraudAlertViewSet, AudienceViewSet, OfficialContactViewSet, ClaimRuleViewSet, ClaimExampleViewSet,
        PartnerEndpointViewSet, ReportedContactViewSet,
    )


register_snippet(ConsumerProtectionGroup)


# Reporters' personal data (portal/reports.py): only report handlers reach the submissions.
@hooks.register("filter_form_submissions_for_user")
def only_report_handlers(user, editable_forms):
    return reports.form_pages_for(user, editable_forms)


@hooks.register("register_log_actions")
def report_log_actions(actions):
    for action, (label, message) in reports.LOG_ACTIONS.items():
        actions.register_action(action, label, message)


@hooks.register("register_admin_urls")
def report_admin_urls():
    """The same paths as Wagtail's forms app, registered first (this app is listed before it), so these win."""
    return [
        path("forms/", reports.HandlersFormPagesListView.as_view(), name="report_forms_index"),
        path("forms/results/", reports.HandlersFormPagesListView.as_view(results_only=True),
             name="report_forms_index_results"),
        path("forms/submissions/<int:page_id>/delete/", reports.HandlersDeleteSubmissionsView.as_view(),
             name="report_forms_delete_submissions"),
    ]


# The campaign calendar (portal/staff_calendar/): a report, its "reset link" button and a dashboard panel.
@hooks.register("register_admin_urls")
def staff_calendar_urls():
    return [
        path("reports/campaign-calendar/", CalendarReportView.as_view(), name="staff_calendar"),
        path("reports/campaign-calendar/reset-link/", reset_feed_view, name="staff_calendar_reset_link"),
    ]


@hooks.register("register_reports_menu_item")
def staff_calendar_menu_item():
    return MenuItem(_("Campaign calendar"), reverse("staff_calendar"), icon_name="calendar", order=50)


@hooks.register("construct_homepage_panels")
def add_upcoming_panel(request, panels):
    panels.append(UpcomingPanel())
