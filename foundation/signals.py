"""What makes cached published content stale, for the models this app and Wagtail own.

Only what visitors can see counts. Publishing, unpublishing or deleting a page invalidates what
that page touches (``foundation.models.pages.invalidated_by_publishing``: the page, its
language links, its kind's listings in its language, its parent's menu); saving a draft, a
revision, a workflow step or scheduling a publish sends none of these signals, so it invalidates
nothing. Wagtail sends ``page_published`` when a scheduled revision goes live.

A move changes the URL of a whole subtree and every link to it, and a site, locale, audience or
view-restriction change reaches every page: those start over (``cache.forget``). Snippets of
other apps say in their own ``signals`` module what they touch (alerts, official contacts).
A view restriction added or removed, or a page moved, also refreshes the list of restricted
paths (``foundation.privacy``).
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import cache, privacy
from .models import Audience
from .models.pages import invalidated_by_publishing


@receiver(page_published)
@receiver(page_unpublished)
def invalidate_page(instance, **kwargs):
    cache.invalidate(*invalidated_by_publishing(instance))


@receiver(post_delete, sender=Page)
def invalidate_deleted_page(instance, **kwargs):
    if instance.live:  # a draft that never went live was shown nowhere
        cache.invalidate(*invalidated_by_publishing(instance))


@receiver(post_page_move)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_save, sender=Audience)
@receiver(post_delete, sender=Audience)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=Locale)
@receiver(post_delete, sender=Locale)
def forget_content(**kwargs):
    """Start over: a page made private (or public again) leaves every cached copy at once."""
    cache.forget()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_page_move)
@receiver(page_published)
@receiver(page_unpublished)
def forget_restricted_paths(**kwargs):
    privacy.forget_restricted_paths()
