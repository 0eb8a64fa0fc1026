"""What makes cached published content stale, for the models this app and Wagtail own.

Publishing, unpublishing, moving or deleting any page, publishing or unpublishing any snippet,
changing an audience, a site or a locale, and adding or removing a view restriction start a new content version (``foundation.cache``).
Apps with models of their own connect theirs in their own ``signals`` module (alerts, official
contacts). A view restriction added or removed, or a page moved, also refreshes the list of
restricted paths (``foundation.privacy``).
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from . import cache, privacy
from .models import Audience


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(post_delete, sender=Page)
@receiver(published)
@receiver(unpublished)
@receiver(post_save, sender=Audience)
@receiver(post_delete, sender=Audience)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=Locale)
@receiver(post_delete, sender=Locale)
# A page made private (or public again) leaves every cached copy at once: the pages, the menus and
# listings that showed it, the fragments (all keyed on the content version).
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def forget_content(**kwargs):
    cache.forget()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_page_move)
@receiver(page_published)
@receiver(page_unpublished)
def forget_restricted_paths(**kwargs):
    privacy.forget_restricted_paths()
