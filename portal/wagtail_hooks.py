"""Admin registration: the site-wide snippets editors and reviewers manage."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Audience, ClaimRule, FraudAlert, OfficialContact


class FraudAlertViewSet(SnippetViewSet):
    model = FraudAlert
    icon = "warning"
    menu_label = _("Fraud alerts")
    list_display = ["title", "severity", "active_from", "active_until", "live"]
    list_filter = ["severity", "live", "locale"]
    search_fields = ["title", "summary"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    list_display = ["name", "slug", "sort_order"]


class OfficialContactViewSet(SnippetViewSet):
    model = OfficialContact
    icon = "mail"
    list_display = ["name", "kind", "value", "show_in_footer"]
    list_filter = ["kind", "locale"]


class ClaimRuleViewSet(SnippetViewSet):
    model = ClaimRule
    icon = "cross"
    list_display = ["phrase", "language", "severity", "is_pattern"]
    list_filter = ["language", "severity"]
    search_fields = ["phrase", "explanation"]


class ConsumerProtectionGroup(SnippetViewSetGroup):
    """Groups the consumer-protection snippets under one admin menu item."""

    menu_label = _("Consumer protection")
    menu_icon = "warning"
    menu_order = 200
    items = (FraudAlertViewSet, AudienceViewSet, OfficialContactViewSet, ClaimRuleViewSet)


register_snippet(ConsumerProtectionGroup)
