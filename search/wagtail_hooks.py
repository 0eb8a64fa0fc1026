"""Admin for search: editors' synonym sets and the list of searches that found nothing."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import SearchMiss, SynonymSet


class SynonymSetViewSet(SnippetViewSet):
    model = SynonymSet
    icon = "list-ul"
    list_display = ["terms", "language"]
    list_filter = ["language"]
    search_fields = ["terms"]


class SearchMissViewSet(SnippetViewSet):
    """Read it to find what readers look for and we have not written yet."""

    model = SearchMiss
    icon = "search"
    list_display = ["query", "language", "count", "last_searched_at"]
    list_filter = ["language"]
    search_fields = ["query"]


class SearchGroup(SnippetViewSetGroup):
    menu_label = _("Search")
    menu_icon = "search"
    menu_order = 210
    items = (SynonymSetViewSet, SearchMissViewSet)


register_snippet(SearchGroup)
