"""The public search page and the suggestions endpoint.

Both treat the query string as hostile: a Django form validates it, and
anything malformed answers 400. The search answers from Elasticsearch and,
when the engine is unreachable or slow, from the database with a visible
note; suggestions then answer an empty list. Never a 500 for either.
"""

import logging

from django import forms
from django.core.exceptions import BadRequest
from django.db.models import F, Q
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_ratelimit.decorators import ratelimit
from elasticsearch import exceptions as es_exceptions
from taggit.models import Tag
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

from foundation.ratelimit import allowing_more

from .engine import get_client
from .facets import facet_groups, query_string
from .fallback import search_database
from .kinds import kind_choices
from .models import SearchMiss
from .queries import MAX_RESULT_WINDOW, PAGE_SIZE, search_pages, suggestions

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
# Every distinct query becomes a row (Wagtail's Query and its daily hits, our SearchMiss): a script
# sending random words would grow those tables without end. Past this many recorded queries only
# queries already known are counted; editors still see every query people really repeat.
MAX_RECORDED_QUERIES = 20_000
# Searches and suggestions per address: plenty for a person, a brake on scripts; a shared address
# (``RATELIMIT_ALLOWED_MORE``, foundation/ratelimit.py) may make more.
RATE = allowing_more("30/m")
SUGGEST_RATE = allowing_more("60/m")
ENGINE_ERRORS = (es_exceptions.ConnectionError, es_exceptions.TransportError, es_exceptions.ApiError)


def _no_control_characters(value):
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise forms.ValidationError(_("The search contains characters that are not allowed."))


class SearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=MAX_QUERY_LENGTH, strip=True, validators=[_no_control_characters])
    audience = forms.SlugField(required=False, max_length=50)
    topic = forms.CharField(required=False, max_length=100, validators=[_no_control_characters])
    type = forms.ChoiceField(required=False, choices=kind_choices)
    year = forms.IntegerField(required=False, min_value=2000, max_value=2100)
    sort = forms.ChoiceField(required=False, choices=[("relevance", "relevance"), ("date", "date")])
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_RESULT_WINDOW // PAGE_SIZE)


class SuggestForm(forms.Form):
    q = forms.CharField(max_length=50, strip=True, validators=[_no_control_characters])


def _valid(form):
    if not form.is_valid():
        raise BadRequest(_("Invalid search: %s") % ", ".join(sorted(form.errors)))
    return form.cleaned_data


def _topic_slug(value):
    """``?topic=`` is a tag's slug, as on listings; links made when it was a tag's name still work."""
    if not value:
        return value
    return Tag.objects.filter(Q(slug=value) | Q(name=value)).order_by("-slug").values_list("slug", flat=True).first() or value


def _editors_picks(known, language):
    """Promoted results for the recorded ``Query`` in this language (pages of other languages are left out)."""
    if known is None:
        return []
    picks = known.editors_picks.select_related("page", "page__locale")
    return [pick for pick in picks if pick.page is None or pick.page.locale.language_code == language]


def _search(query, language, filters, page, context):
    """Elasticsearch when configured and answering; otherwise the database (noting an outage)."""
    client = get_client()
    if client is not None:
        try:
            return search_pages(client, query, language, filters, page, context["sort"])
        except ENGINE_ERRORS as error:
            logger.warning("search engine unavailable, answering from the database: %s", error)
            context["fallback"] = True
    return search_database(query, language, filters, page, context["sort"])


@ratelimit(key="ip", rate=RATE, block=True)
def search(request):
    data = _valid(SearchForm(request.GET))
    query, page, language = data["q"], data["page"] or 1, translation.get_language()
    filters = {name: data[name] for name in ("audience", "topic", "type", "year")}
    filters["topic"] = _topic_slug(filters["topic"])
    context = {"query": query, "filters": filters, "sort": data["sort"] or "relevance", "fallback": False}
    if query or any(filters.values()):
        results = _search(query, language, filters, page, context)
        if page > results.num_pages:
            raise Http404(_("No such page of results."))
        params = {"q": query, **filters, "sort": data["sort"]}
        context.update(
            results=results,
            facets=facet_groups(results, params, language),
            sort_urls={key: "?" + query_string(params, sort=key) for key in ("relevance", "date")},
            page_urls={
                "previous": "?" + query_string(params, page=page - 1) if page > 1 else "",
                "next": "?" + query_string(params, page=page + 1) if page < results.num_pages else "",
            },
        )
        if query and page == 1:
            known = _record(query, language, missed=results.total == 0)
            context["picks"] = _editors_picks(known, language)
    return render(request, "search/search.html", context)


def _record(query, language, missed):
    """Count the query (and the miss) for editors, unless it would be one row too many; returns its
    ``Query`` row (None when not recorded). A known query costs two statements: its row, and today's hits."""
    known = Query.objects.filter(query_string=normalise_query_string(query)).first()
    if known is None:
        if Query.objects.count() >= MAX_RECORDED_QUERIES:
            return None
        known = Query.get(query)
    today = timezone.now().date()  # the day ``Query.add_hit`` counts under
    if not QueryDailyHits.objects.filter(query=known, date=today).update(hits=F("hits") + 1):
        known.add_hit(today)  # the day's first hit creates its row
    if missed:
        SearchMiss.record(query, language)
    return known


@ratelimit(key="ip", rate=SUGGEST_RATE, block=True)
def suggest(request):
    data = _valid(SuggestForm(request.GET))
    client = get_client()
    if client is None:
        return JsonResponse({"suggestions": []})
    try:
        items = suggestions(client, data["q"], translation.get_language())
    except ENGINE_ERRORS as error:
        logger.warning("search engine unavailable for suggestions: %s", error)
        items = []
    return JsonResponse({"suggestions": items})
