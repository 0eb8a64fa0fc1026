"""The site chrome (main menu, footer contacts), cached per language.

Every page shows the same menu and official contacts, so they are built
once and kept in the cache under a version key; publishing, unpublishing,
moving or deleting a page, or changing a contact, bumps the version and the
next request rebuilds them. This keeps per-page SQL small (ARCHITECTURE.md 11).
"""

import uuid

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.models import OfficialContact
from portal.privacy import public

VERSION_KEY = "portal:chrome-version"


def _version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.set(VERSION_KEY, version, None)
    return version


def menu_items(request, home_id):
    """``[(title, url, page id)]`` for the live in-menu children of the home page ``home_id``."""
    key = f"portal:menu:{home_id}:{_version()}"
    items = cache.get(key)
    if items is None:
        children = Page.objects.get(pk=home_id).get_children().live().in_menu()
        items = [(page.title, page.get_url(request), page.pk) for page in public(children)]
        cache.set(key, items, None)
    return items


def page_links(request, page, language_code):
    """Cached per page: its home, breadcrumbs and the URL of each language version.

    Returns ``{"home": (title, url, pk), "crumbs": [(title, url)], "languages": {code: url}}``
    where ``languages`` holds the live public translations (the page itself included).
    """
    key = f"portal:links:{page.pk}:{language_code}:{_version()}"
    links = cache.get(key)
    if links is None:
        ancestors = list(public(page.get_ancestors(inclusive=True).filter(depth__gte=2).live()))
        home = ancestors[0] if ancestors else page
        translations = public(page.get_translations(inclusive=True).live()).select_related("locale")
        links = {
            "home": (home.title, home.get_url(request), home.pk),
            "crumbs": [(ancestor.title, ancestor.get_url(request)) for ancestor in ancestors[:-1]],
            "languages": {other.locale.language_code: other.get_url(request) for other in translations},
        }
        cache.set(key, links, None)
    return links


def footer_contacts(language_code):
    key = f"portal:contacts:{language_code}:{_version()}"
    contacts = cache.get(key)
    if contacts is None:
        contacts = list(OfficialContact.objects.filter(locale__language_code=language_code, show_in_footer=True))
        cache.set(key, contacts, None)
    return contacts


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(post_delete, sender=Page)
@receiver(post_save, sender=OfficialContact)
@receiver(post_delete, sender=OfficialContact)
def forget_chrome(**kwargs):
    cache.delete(VERSION_KEY)
