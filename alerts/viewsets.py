"""The admin listings of fraud alerts and partner endpoints (registered in the "Consumer protection" menu by ``portal``)."""

from django import forms
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import LiveStatusTagColumn
from wagtail.models import WorkflowState
from wagtail.snippets.views.snippets import SnippetViewSet

from review.admin_views import ReviewedSnippetViewSetMixin

from .models import FraudAlert, PartnerEndpoint


class FraudAlertViewSet(ReviewedSnippetViewSetMixin, SnippetViewSet):
    """Alerts pass the consumer-protection review: its edit and workflow views (``review.admin_views``)."""

    model = FraudAlert
    icon = "warning"
    menu_label = _("Fraud alerts")
    # The status in words (``FraudAlert.status_string``): draft, in moderation, scheduled, live, expired.
    list_display = ["title", "severity", "active_from", "active_until", LiveStatusTagColumn(label=_("Status"))]
    list_filter = ["severity", "live", "locale"]
    search_fields = ["title", "summary"]

    def get_queryset(self, request):
        """Each row's open review in one query, as Wagtail's page explorer reads it (``workflow_in_progress``)."""
        in_progress = WorkflowState.objects.active().select_related("current_task_state__task")
        return FraudAlert.objects.prefetch_related(
            Prefetch("workflow_states", queryset=in_progress, to_attr="_current_workflow_states")
        )


class PartnerEndpointViewSet(SnippetViewSet):
    """Partner platforms that receive each alert by webhook (``alerts.syndication.webhooks``); site administrators only."""

    model = PartnerEndpoint
    icon = "link-external"
    menu_label = _("Partner endpoints")
    list_display = ["name", "kind", "languages", "active"]
    list_filter = ["kind", "active"]
    panels = [
        FieldPanel("name"), FieldPanel("kind"), FieldPanel("url"),
        FieldPanel("secret", widget=forms.PasswordInput(render_value=True)),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple), FieldPanel("languages"), FieldPanel("active"),
    ]
