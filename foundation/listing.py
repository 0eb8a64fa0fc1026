"""Filtering and pagination for listing pages, with the query string treated as hostile.

Every listing (articles, films, events, an audience's page, the campaign
archive) reads its filters through ``ListingFilters``: values are validated
by a Django form, and anything malformed answers 400 with a clear message
instead of reaching the database or raising a 500.
"""

from django import forms
from django.core.exceptions import BadRequest
from django.core.paginator import EmptyPage, Paginator
from django.http import Http404
from django.utils.translation import gettext_lazy as _

PAGE_SIZE = 12
MAX_PAGE = 1000


class ListingFilters(forms.Form):
    audience = forms.SlugField(required=False, max_length=50)
    topic = forms.SlugField(required=False, max_length=100, allow_unicode=True)
    kind = forms.SlugField(required=False, max_length=30)
    year = forms.IntegerField(required=False, min_value=2000, max_value=2100)
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)


def read_filters(request, kinds=()):
    """Return the cleaned filters of ``request.GET`` or raise ``BadRequest`` (400).

    ``kinds`` is the set of allowed values for ``kind`` on this listing.
    """
    form = ListingFilters(request.GET)
    if not form.is_valid():
        raise BadRequest(_("Invalid filter: %s") % ", ".join(sorted(form.errors)))
    filters = form.cleaned_data
    if filters["kind"] and filters["kind"] not in kinds:
        raise BadRequest(_("Invalid filter: kind"))
    return filters


def paginate(items, page_number, per_page=PAGE_SIZE):
    """Return the requested page; a page past the end answers 404 like a missing page."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(page_number or 1)
    except EmptyPage as error:
        raise Http404(_("No such page of results.")) from error


def filter_by_audience_and_topic(queryset, filters):
    """Narrow a page queryset by the audience slug and topic slug filters, when given."""
    if filters.get("audience"):
        queryset = queryset.filter(audiences__slug=filters["audience"])
    if filters.get("topic"):
        queryset = queryset.filter(topics__slug=filters["topic"])
    return queryset.distinct() if (filters.get("audience") or filters.get("topic")) else queryset
