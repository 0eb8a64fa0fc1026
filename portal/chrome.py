"""The site chrome (main menu, footer contacts, the fraud-alert banner), cached per language.

Every page shows the same menu and official contacts, so they are built
once and kept in the cache under a version key; publishing, unpublishing,
moving or deleting a page, or changing a contact, site or locale, bumps the version and the
next request rebuilds them. This keeps per-page SQL small (ARCHITECTURE.md 11).
"""

import uuid

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from portal.models import AlertIndexPage, Audience, FraudAlert, OfficialContact
from portal.privacy import public

VERSION_KEY = "portal:chrome-version"
# Alerts open and close with the clock, not with a save: the banner is rebuilt at least this often.
BANNER_SECONDS = 60


def version():
    """The current content version: part of every cache key built on published content."""
    current = cache.get(VERSION_KEY)
    if current is None:
        current = uuid.uuid4().hex
        cache.set(VERSION_KEY, current, None)
    return current


def menu_items(request, home_id):
    """``[(title, url, page id)]`` for the live in-menu children of the home page ``home_id``."""
    key = f"portal:menu:{home_id}:{version()}"
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
    key = f"portal:links:{page.pk}:{language_code}:{version()}"
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


def home_links(request):
    """``{language code: (title, url, pk)}`` of each language's home page, for pages outside the tree."""
    key = f"portal:homes:{version()}"
    homes = cache.get(key)
    if homes is None:
        site = Site.find_for_request(request)
        homes = {}
        if site:
            for home in site.root_page.get_translations(inclusive=True).live().select_related("locale"):
                homes[home.locale.language_code] = (home.title, home.get_url(request), home.pk)
        cache.set(key, homes, None)
    return homes


def footer_contacts(language_code):
    key = f"portal:contacts:{language_code}:{version()}"
    contacts = cache.get(key)
    if contacts is None:
        contacts = list(OfficialContact.objects.filter(locale__language_code=language_code, show_in_footer=True))
        cache.set(key, contacts, None)
    return contacts


def alert_pages():
    """``{locale id: URL path}`` of each language's live, public alerts page (``AlertIndexPage``)."""
    key = f"portal:alert-pages:{version()}"
    pages = cache.get(key)
    if pages is None:
        pages = {page.locale_id: page.url for page in public(AlertIndexPage.objects.live())}
        cache.set(key, pages, None)
    return pages


def alert_banner(language_code):
    """The site-wide banner's alert in a language, as a small dict, or None when no alert is active.

    The most severe active alert wins (``FraudAlert.objects.active()`` orders by severity, then
    newest). Like the rest of the chrome it is cached under the content version, which saving,
    publishing or unpublishing an alert bumps; unlike the rest it expires after ``BANNER_SECONDS``,
    because an alert's active window opens and closes with the clock. So a banner appears or goes
    at most that long after its window says, at no query cost on most requests.
    """
    key = f"portal:alert-banner:{language_code}:{version()}"
    banner = cache.get(key)
    if banner is None:
        alert = FraudAlert.objects.active().filter(locale__language_code=language_code).first()
        banner = {}  # cached too: "no active alert" is an answer worth keeping
        if alert is not None and alert.url:
            with translation.override(language_code):
                banner = {
                    "id": alert.pk, "title": alert.title, "summary": alert.summary, "url": alert.url,
                    "severity": alert.severity, "severity_label": str(alert.get_severity_display()),
                }
        cache.set(key, banner, BANNER_SECONDS)
    return banner or None


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(post_delete, sender=Page)
@receiver(published)
@receiver(unpublished)
@receiver(post_save, sender=OfficialContact)
@receiver(post_delete, sender=OfficialContact)
@receiver(post_save, sender=Audience)
@receiver(post_delete, sender=Audience)
@receiver(post_save, sender=FraudAlert)
@receiver(post_delete, sender=FraudAlert)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=Locale)
@receiver(post_delete, sender=Locale)
def forget_chrome(**kwargs):
    cache.delete(VERSION_KEY)
