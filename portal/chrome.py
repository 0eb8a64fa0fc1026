"""The site chrome every page shows (main menu, breadcrumbs, language links), cached per language.

Every page shows the same menu, so it is built once and kept until what it shows changes
(``foundation.cache``): the menu depends on the home page's children, a page's links on its
ancestors and its translations. This keeps per-page SQL small. The footer's official contacts come from
``review.hotlines`` and the alert banner from ``alerts.banner``, cached the same way.
"""

from wagtail.models import Locale, Page, Site

from foundation import cache
from foundation.privacy import public


def menu_items(request, home_id):
    """``[(title, url, page id)]`` for the live in-menu children of the home page ``home_id``."""

    def build():
        home = Page.objects.get(pk=home_id)
        cache.depends_on_tags(cache.children_tag(home.path))
        children = home.get_children().live().in_menu()
        return [(page.title, page.get_url(request), page.pk) for page in public(children)]

    return cache.versioned("menu", home_id, compute=build)


def page_links(request, page, language_code):
    """Cached per page: its home, breadcrumbs and the URL of each language version.

    Returns ``{"home": (title, url, pk), "crumbs": [(title, url)], "languages": {code: url}}``
    where ``languages`` holds the live public translations (the page itself included).
    """

    def build():
        ancestors = list(public(page.get_ancestors(inclusive=True).filter(depth__gte=2).live()))
        home = ancestors[0] if ancestors else page
        translations = public(page.get_translations(inclusive=True).live()).select_related("locale")
        cache.depends_on_tags(cache.translations_tag(page.translation_key), *(cache.page_tag(a.pk) for a in ancestors))
        return {
            "home": (home.title, home.get_url(request), home.pk),
            "crumbs": [(ancestor.title, ancestor.get_url(request)) for ancestor in ancestors[:-1]],
            "languages": {other.locale.language_code: other.get_url(request) for other in translations},
        }

    return cache.versioned("links", page.pk, language_code, compute=build)


def home_links(request):
    """``{language code: (title, url, pk)}`` of each language's home page, for pages outside the tree."""

    def build():
        site = Site.find_for_request(request)
        if site is None:
            return {}
        homes = list(site.root_page.get_translations(inclusive=True).live().select_related("locale"))
        cache.depends_on_tags(cache.translations_tag(site.root_page.translation_key), *(cache.page_tag(h.pk) for h in homes))
        return {home.locale.language_code: (home.title, home.get_url(request), home.pk) for home in homes}

    return cache.versioned("homes", compute=build)


def one_page_url(request, model, language_code):
    """The URL of the live public page of ``model`` in a language (a one-per-site page: help, report), or "".

    Cached until a page of that type is published, unpublished or moved in that language (its listing tag)."""

    def build():
        locale = Locale.objects.filter(language_code=language_code).first()
        if locale is None:
            return ""
        cache.depends_on_tags(cache.listing_tag(model._meta.label_lower, locale.pk))
        page = public(model.objects.live()).filter(locale=locale).first()
        return page.get_url(request) if page else ""

    return cache.versioned("one-page", model._meta.label_lower, language_code, compute=build)
