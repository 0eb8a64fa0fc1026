"""Public-page filtering without a query per listing.

Wagtail's ``PageQuerySet.public()`` reads every ``PageViewRestriction`` each
time it is called, so a page with six listings paid six identical queries.
``public()`` here excludes the same restricted subtrees from a cached list of
their paths, refreshed whenever a restriction changes or a page moves
(``foundation.signals``). With a shared cache (Redis in production) every app server sees the change at once.
"""

from django.core.cache import cache
from django.db.models import Q
from wagtail.models import PageViewRestriction

CACHE_KEY = "portal:restricted-page-paths"


def restricted_paths():
    """Tree paths of pages with a view restriction (their descendants are restricted too)."""
    paths = cache.get(CACHE_KEY)
    if paths is None:
        paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        cache.set(CACHE_KEY, paths, None)
    return paths


def public(queryset):
    """``queryset`` without pages under a view restriction (the equivalent of ``.public()``)."""
    restricted = Q()
    for path in restricted_paths():
        restricted |= Q(path__startswith=path)
    return queryset.exclude(restricted) if restricted else queryset


def forget_restricted_paths():
    cache.delete(CACHE_KEY)
