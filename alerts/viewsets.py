"""The admin listing of fraud alerts (registered in the "Consumer protection" menu by ``portal``)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import FraudAlert


class FraudAlertViewSet(SnippetViewSet):
    model = FraudAlert
    icon = "warning"
    menu_label = _("Fraud alerts")
    list_display = ["title", "severity", "active_from", "active_until", "live"]
    list_filter = ["severity", "live", "locale"]
    search_fields = ["title", "summary"]
