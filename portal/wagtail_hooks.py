"""Admin registration: the site-wide snippets editors and reviewers manage, and the review's hooks."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Audience, ClaimRule, FraudAlert, OfficialContact
from .review import admin_hooks as review


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

# The consumer-protection review (portal.review.admin_hooks).
hooks.register("before_edit_page", review.guard_page_edit)
hooks.register("before_create_page", review.guard_page_create)
hooks.register("before_edit_snippet", review.guard_snippet_edit)
hooks.register("before_create_snippet", review.guard_snippet_create)
for hook_name in ("after_edit_page", "after_create_page", "after_edit_snippet", "after_create_snippet"):
    hooks.register(hook_name, review.report_pre_check_rejection)
hooks.register("construct_homepage_panels", review.add_review_queue_panel)
