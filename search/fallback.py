"""The database search the public search page falls back to when Elasticsearch is unreachable.

It answers through Wagtail's database backend (the one the admin uses) with
the same filters where the database can apply them, and returns the same
``SearchResults`` shape so the template does not care which one answered.
Alerts are only in the Elasticsearch index, so they are missing here.
"""

import datetime

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale, Page

from foundation.models import listed_page_types
from foundation.privacy import public

from .queries import PAGE_SIZE, Hit, SearchResults


def _tagged_ids(filters):
    """Ids of pages matching the audience and topic filters, across the page types that have them."""
    ids = set()
    for model in listed_page_types().values():
        condition = Q()
        if filters.get("audience"):
            condition &= Q(audiences__slug=filters["audience"])
        if filters.get("topic"):
            if not hasattr(model, "topics"):
                continue
            condition &= Q(topics__slug=filters["topic"])
        ids.update(model.objects.filter(condition).values_list("pk", flat=True))
    return ids


def _has_cjk(text):
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def _match(pages, query):
    """Wagtail's database search; for Chinese, titles containing the query.

    The database backends split text on spaces, so they cannot find 退保 inside
    代理退保; a substring match on titles is the useful degraded answer.
    """
    if _has_cjk(query):
        return pages.filter(title__icontains=query).order_by("-first_published_at")
    return pages.search(query)


def search_database(query, language, filters, page=1):
    locale = Locale.objects.filter(language_code=language).first()
    pages = public(Page.objects.live()).filter(locale=locale, depth__gt=1)
    page_types = listed_page_types()
    if filters.get("type") in page_types:
        pages = pages.exact_type(page_types[filters["type"]])
    elif filters.get("type"):
        pages = pages.none()
    if filters.get("audience") or filters.get("topic"):
        pages = pages.filter(id__in=list(_tagged_ids(filters)))
    if filters.get("year"):
        start = timezone.make_aware(datetime.datetime(int(filters["year"]), 1, 1))
        pages = pages.filter(first_published_at__gte=start, first_published_at__lt=start.replace(year=start.year + 1))
    matches = _match(pages, query)
    results = list(matches[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]) if query else []
    total = matches.count() if query else 0
    specific = {item.pk: item for item in Page.objects.filter(pk__in=[item.pk for item in results]).specific()}
    hits = [
        Hit(title=item.title, url=item.get_url(), summary=getattr(item, "summary", ""), content_type="page")
        for item in (specific.get(result.pk) for result in results)
        if item is not None
    ]
    return SearchResults(hits=hits, total=total, facets={}, page=page)
