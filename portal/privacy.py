"""Public-page filtering without a query per listing.

Wagtail's ``PageQuerySet.public()`` reads every ``PageViewRestriction`` each
time it is called, so a page with six listings paid six identical queries.
``public()`` here excludes the same restricted subtrees from a cached list of
their paths, refreshed whenever a restriction changes or a page moves. With a
shared cache (Redis in production) every app server sees the change at once.
"""

from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

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


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_page_move)
@receiver(page_published)
@receiver(page_unpublished)
def forget_restricted_paths(**kwargs):
    cache.delete(CACHE_KEY)
