"""Admin listings of the review's snippets (registered in the "Consumer protection" menu by ``portal``)."""

from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from .models import ClaimExample, ClaimRule, OfficialContact, ReportedContact


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


class ClaimExampleViewSet(SnippetViewSet):
    """What reviewers taught the pre-check; editing or deleting one retrains it too."""

    model = ClaimExample
    icon = "tick"
    list_display = ["text", "kind", "language", "created_by", "created_at"]
    list_filter = ["kind", "language"]
    search_fields = ["text"]


class ReportedContactCreateView(CreateView):
    """Filled in from ``?kind=&value=``: the "mark as reported" links beside reports (``portal.reports``)."""

    def get_initial(self):
        initial = super().get_initial()
        kind, value = self.request.GET.get("kind"), self.request.GET.get("value", "")[:200]
        if kind in ReportedContact.Kind.values and value:
            initial.update(kind=kind, value=value)
        return initial


class ReportedContactViewSet(SnippetViewSet):
    """Contacts reported as fraudulent: reviewers keep the list (report handlers may add to it)."""

    model = ReportedContact
    add_view_class = ReportedContactCreateView
    icon = "warning"
    list_display = ["value", "kind", "reported_on", "note"]
    list_filter = ["kind"]
    search_fields = ["value", "note"]
