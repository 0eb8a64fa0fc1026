"""The "Consumer protection" admin menu (the snippets editors and reviewers manage, from every app), and who reads reports."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from alerts.viewsets import FraudAlertViewSet, PartnerEndpointViewSet
from foundation.viewsets import AudienceViewSet
from portal import reports
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
