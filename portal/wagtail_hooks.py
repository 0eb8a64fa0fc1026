"""The "Consumer protection" admin menu: the snippets editors and reviewers manage, from every app."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from alerts.viewsets import FraudAlertViewSet, PartnerEndpointViewSet
from foundation.viewsets import AudienceViewSet
from review.viewsets import ClaimExampleViewSet, ClaimRuleViewSet, OfficialContactViewSet


class ConsumerProtectionGroup(SnippetViewSetGroup):
    """Groups the consumer-protection snippets under one admin menu item."""

    menu_label = _("Consumer protection")
    menu_icon = "warning"
    menu_order = 200
    items = (
        FraudAlertViewSet, AudienceViewSet, OfficialContactViewSet, ClaimRuleViewSet, ClaimExampleViewSet,
        PartnerEndpointViewSet,
    )


register_snippet(ConsumerProtectionGroup)
