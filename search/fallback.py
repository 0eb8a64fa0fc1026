"""The database search: the public search when no engine is configured, or when it is unreachable.

It reads ``SearchEntry`` rows (``search.entries``: the engine's documents, pages and alerts, with
their text cut into terms) with plain ORM lookups, so it works the same on SQLite and PostgreSQL,
and returns the same ``SearchResults`` (facets and highlighted snippets included) as the engine.

A query term matches a field holding a term that begins with it (agent finds agents; a Chinese
pair matches exactly; a number matches only itself). At least 60 % of the terms must match, as in
the engine's query; results that match all come first, then by the weighted fields the terms hit
(the engine's boosts). What it does not do: stemming (agency does not find agencies), synonyms,
spelling suggestions, or ranking by how rare a word is.
"""

from collections import Counter
from math import ceil

from django.db.models import Case, F, IntegerField, Q, Value, When

from .models import SearchEntry
from .queries import PAGE_SIZE, Hit, SearchResults
from .snippets import highlight
from .tokens import query_terms

WEIGHTS = {"title_terms": 3, "summary_terms": 2, "topics_terms": 2, "body_terms": 1}  # queries.TEXT_FIELDS
MINIMUM_SHOULD_MATCH = 0.6
MAX_TERMS = 16  # each term is a few LIKEs: a pasted paragraph must not become a huge query
FACET_SIZE = 30


def _filtered(language, filters):
    entries = SearchEntry.objects.filter(language=language)
    if filters.get("type"):
        entries = entries.filter(content_type=filters["type"])
    if filters.get("audience"):
        entries = entries.filter(audiences__contains=f" {filters['audience']} ")
    if filters.get("topic"):
        entries = entries.filter(topics__contains=f" {filters['topic']} ")
    if filters.get("year"):
        entries = entries.filter(year=filters["year"])
    return entries


def _in(field, term):
    return Q(**{f"{field}__contains": f" {term} " if term.isdigit() else f" {term}"})


def _one_if(condition):
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def _matching(entries, terms):
    """``entries`` with at least 60 % of ``terms``, annotated with ``matched`` terms and weighted ``score``."""
    matched = score = Value(0)
    for term in terms:
        matched = matched + _one_if(Q(*(_in(field, term) for field in WEIGHTS), _connector=Q.OR))
        for field, weight in WEIGHTS.items():
            score = score + weight * _one_if(_in(field, term))
    needed = max(1, ceil(len(terms) * MINIMUM_SHOULD_MATCH))
    return entries.annotate(matched=matched, score=score).filter(matched__gte=needed)


def _facets(rows):
    """Facet buckets like the engine's terms aggregations: (value, count), most frequent first."""
    counts = {name: Counter() for name in ("type", "year", "audience", "topic")}
    for _pk, content_type, year, audiences, topics in rows:
        counts["type"][content_type] += 1
        if year is not None:
            counts["year"][year] += 1
        counts["audience"].update(audiences.split())
        counts["topic"].update(topics.split())
    return {
        name: sorted(counter.items(), key=lambda item: (-item[1], str(item[0])))[:FACET_SIZE]
        for name, counter in counts.items()
    }


def search_database(query, language, filters, page=1, sort="relevance"):
    """Two queries: every match, ranked, with only what the count and the facets need (the matching
    expression is large, so it is built and run once), then the shown page's rows by key."""
    terms = query_terms(query)[:MAX_TERMS]
    entries = _filtered(language, filters)
    if terms:
        entries = _matching(entries, terms)
    if terms and sort != "date":
        entries = entries.order_by("-matched", "-score", F("published").desc(nulls_last=True))
    else:
        entries = entries.order_by(F("published").desc(nulls_last=True), "-pk")
    matches = list(entries.values_list("pk", "content_type", "year", "audiences", "topics"))
    shown = [pk for pk, *_facets in matches[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]]
    rows = SearchEntry.objects.only("title", "url", "summary", "content_type", "body").in_bulk(shown)
    hits = [
        Hit(title=row.title, url=row.url, summary=row.summary, content_type=row.content_type,
            highlight=highlight([row.summary, row.body], terms))
        for row in map(rows.get, shown)
    ]
    return SearchResults(hits=hits, total=len(matches), facets=_facets(matches), page=page)
