"""What makes cached published content stale, for the models this app and Wagtail own.

Only what visitors can see counts. Publishing, unpublishing or deleting a page invalidates what
that page touches (``foundation.models.pages.invalidated_by_publishing``: the page, its
language links, its kind's listings in its language and the audience and campaign pages that
list it, its parent's menu). The listings are those of the page as it is now *and* as it was
while live: before a publish, an unpublish or a delete saves or removes the whole page, its live
copy's are read from the database (``remember_live_listings``), so an audience taken off an
article renews that audience's page too. Saving a draft, a revision or a workflow step saves only
some of the page's fields and sends none of these signals, so it invalidates nothing; scheduling
the first publish of a page sends ``page_published`` for a page that is not live yet, and
invalidates nothing either. Wagtail sends ``page_published`` again when the revision goes live.

A move changes the URL of a whole subtree and every link to it: it invalidates what publishing
each live page of the subtree would, the old parent's menu, and the pages that link to one of
them (Wagtail's reference index knows those). A site, locale, audience or view-restriction change
reaches every page: those start over (``cache.forget``). Snippets of
other apps say in their own ``signals`` module what they touch (alerts, official contacts).
A view restriction added or removed, or a page moved, also refreshes the list of restricted
paths (``foundation.privacy``).
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from wagtail.models import Locale, Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import cache, privacy
from .models import Audience
from .models.pages import invalidated_by_publishing, remember_live_listings, was_live


@receiver(pre_save)
def remember_listings_before_saving(instance, update_fields=None, **kwargs):
    # Only a whole page's save can change what it is listed under: a publish or an unpublish
    # (a draft or a workflow step saves named fields only; a new page was listed nowhere yet).
    if isinstance(instance, Page) and update_fields is None and instance.pk:
        remember_live_listings(instance)


@receiver(pre_delete, sender=Page)
def remember_listings_before_deleting(instance, **kwargs):
    if instance.live:  # a draft that never went live was shown nowhere
        remember_live_listings(instance)


@receiver(page_published)
@receiver(page_unpublished)
def invalidate_page(instance, **kwargs):
    if instance.live or was_live(instance):  # not a first publish scheduled for later
        cache.invalidate(*invalidated_by_publishing(instance))


@receiver(post_delete, sender=Page)
def invalidate_deleted_page(instance, **kwargs):
    if was_live(instance):
        cache.invalidate(*invalidated_by_publishing(instance))


@receiver(post_page_move)
def invalidate_moved_pages(instance, parent_page_before, **kwargs):
    moved = Page.objects.live().filter(path__startswith=Page.objects.get(pk=instance.pk).path)
    tags = [cache.children_tag(parent_page_before.path)]
    for page in moved.specific(defer=True):
        tags += invalidated_by_publishing(page)
    page_type = ContentType.objects.get_for_model(Page)
    linking = ReferenceIndex.get_references_to_in_bulk(moved).filter(base_content_type=page_type)
    tags += [cache.page_tag(int(pk)) for pk in linking.values_list("object_id", flat=True).distinct()]
    cache.invalidate(*tags)


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
