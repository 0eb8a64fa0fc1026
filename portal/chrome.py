"""The site chrome every page shows (main menu, breadcrumbs, language links), cached per language.

Every page shows the same menu, so it is built once and kept under the content version
(``foundation.cache``): any change to published content starts a new version and the next request
rebuilds it. This keeps per-page SQL small. The footer's official contacts come from
``review.hotlines`` and the alert banner from ``alerts.banner``, cached the same way.
"""

from wagtail.models import Page, Site

from foundation import cache
from foundation.privacy import public


def menu_items(request, home_id):
    """``[(title, url, page id)]`` for the live in-menu children of the home page ``home_id``."""

    def build():
        children = Page.objects.get(pk=home_id).get_children().live().in_menu()
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
        homes = site.root_page.get_translations(inclusive=True).live().select_related("locale")
        return {home.locale.language_code: (home.title, home.get_url(request), home.pk) for home in homes}

    return cache.versioned("homes", compute=build)
