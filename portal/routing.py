"""Finding the page for a URL in one query instead of one per path segment.

Wagtail's ``serve`` view looks up the site (one query), its root page, the
root's translation for the active language and its specific object, then
walks down the tree with ``get_children().get(slug=...)`` plus ``.specific``
for every segment: nine queries for ``/articles/<slug>/``, before the page
renders anything.

Every page already stores its full path from the tree root (``url_path``,
kept up to date by Wagtail on publish and move), so the deepest page along
the requested path is one lookup over the path's prefixes. The site and the
language roots rarely change; they are cached under the content version
(``foundation.cache``), which site, page and locale changes bump. That page then
routes whatever is left of the path itself (fetched with the foreign keys its template
shows, ``serve_related`` on the page type), so routable pages (alert and
event sub-pages, posters) and 404s behave exactly as in Wagtail.

The result is handed to Wagtail's own ``serve`` through the attributes it
caches per request (``_wagtail_site``, ``_wagtail_route_for_request``), so
the rest of Wagtail's serving chain (view restrictions, ``before_serve_page``
hooks, the page's ``serve``) runs unchanged.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from foundation import cache


def serve(request, path):
    """Wagtail's page view, with the site and the route found in at most two queries."""
    site = cached_site(request)
    request._wagtail_site = site
    if site is not None:
        request._wagtail_route_for_request = route(request, site, path)
    return wagtail_views.serve(request, path)


def cached_site(request):
    """``Site.find_for_request``, remembered per host and port until a site or page changes."""
    # Keyed like Wagtail's lookup: the Host header's name and the port the request came in on.
    host = split_domain_port(request.get_host())[0]
    return cache.versioned("site", host, request.get_port(), compute=lambda: Site.find_for_request(request))


def root_paths(site):
    """``{language code: url_path}`` of the site's root page in each live language, and ``None``: the root.

    As in Wagtail's ``Page.localized``, a language whose copy of the root is not live is served from
    the root itself."""

    def build():
        root = Page.objects.get(pk=site.root_page_id)
        cache.depends_on_tags(cache.translations_tag(root.translation_key), cache.page_tag(root.pk))
        translations = root.get_translations(inclusive=True).live()
        roots = dict(translations.values_list("locale__language_code", "url_path"))
        roots[None] = Page.objects.values_list("url_path", flat=True).get(pk=site.root_page_id)
        return roots

    return cache.versioned("route-roots", site.pk, compute=build)


def route(request, site, path):
    """Wagtail's ``RouteResult`` for ``path`` under ``site`` in the active language, or None (404)."""
    roots = root_paths(site)
    root_path = roots.get(translation.get_language(), roots[None])
    components = [component for component in path.split("/") if component]
    prefixes = [root_path + "".join(f"{component}/" for component in components[:depth])
                for depth in range(len(components) + 1)]
    match = deepest_page(prefixes)
    if match is None:
        return None
    page = specific(*match)
    remaining = components[prefixes.index(page.url_path):]
    try:
        return page.route(request, remaining)
    except Http404:
        return None


def deepest_page(prefixes):
    """``(pk, content type id)`` of the deepest page along the path (``prefixes``, shortest first), or None.

    A path that names a page exactly is remembered until that page is published again or a child
    is published under it (``foundation.cache``); other paths (sub-routes, 404s) are looked up
    each time, so made-up URLs cannot fill the cache."""
    key = "portal:route:" + hashlib.sha256(prefixes[-1].encode()).hexdigest()
    found = cache.lookup(key)
    if found is not None and found[2] != "rebuild":
        cache.depends_on(found[1])
        return found[0]
    versions = cache.tag_versions([cache.EVERYTHING])
    match = (Page.objects.filter(url_path__in=prefixes).order_by("-depth")
             .values_list("pk", "content_type_id", "url_path", "path").first())
    if match is None or match[2] != prefixes[-1]:
        cache.release(key)
        return match and match[:2]
    pk, content_type_id, _url_path, tree_path = match
    versions.update(cache.tag_versions([cache.page_tag(pk), cache.children_tag(tree_path)]))
    cache.store(key, (pk, content_type_id), versions, None)
    cache.depends_on(versions)
    return pk, content_type_id


def specific(pk, content_type_id):
    """The page as its own type, with the foreign keys its template shows (``serve_related``) in the
    same query; kept until the page is published again (unpickling it costs less than the query)."""
    model = ContentType.objects.get_for_id(content_type_id).model_class() or Page  # a removed page type: as Wagtail
    return cache.versioned(
        "page-object", pk, compute=lambda: model.objects.select_related(*getattr(model, "serve_related", ())).get(pk=pk),
        tags=[cache.page_tag(pk)],
    )
