"""A cache of whole public pages for anonymous visitors.

Most visitors are anonymous and read the same pages, so a rendered page is
kept in the cache (Redis in production) and served without touching the
database. Correctness rules:

- only anonymous GET/HEAD requests without a session are served from or stored in it;
  editors (logged in) always get a fresh render;
- a response is stored only if it is a 200 HTML page that sets no cookie, was not
  marked private, and did not embed a CSRF token (pages with forms stay per-visitor),
  so no cached page can carry another visitor's token, messages or cookies;
- the key holds the language and the view (standard / large text) besides the path and the
  listing parameters *in one spelling* (``canonical_query``): ``?page=01``, ``?page=001`` and
  ``?page=1`` are one entry, and an invalid or repeated parameter is not cached at all, so made-up
  variants cannot multiply entries; at most ``PAGE_CACHE_MAX_ENTRIES`` pages are stored per
  lifetime, so even valid variants (every audience slug, every page number) cannot fill the cache;
- each copy records what it was built from (``foundation.cache``): the page
  (``cache_dependencies()`` of its type, declared by ``portal.routing``), the menu, its links,
  the fragments and the banner read while it rendered. A publish invalidates only the copies
  that depend on what it touched; a copy of a view that declared no page depends on every
  publish (``ANY_PUBLISH``). A short lifetime covers what changes with the clock (a campaign
  turning "live"); the banner is asked for before a copy is served (``alerts.banner``);
- no stampede: when a copy is out of date, or past its lifetime (it is kept
  ``foundation.cache.STALE_SECONDS`` longer for this), the one request that takes its lock renders
  it again and the others get the previous copy (``X-Page-Cache: stale``) meanwhile.

``Cache-Control: public, max-age``, an ``ETag`` and ``Last-Modified`` let browsers, a
CDN or nginx cache and revalidate the same pages; the
Wagtail frontend-cache app purges those on publish in production (``portal.frontend_cache``).
"""

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date

from alerts.banner import alert_banner
from foundation import cache as content
from foundation.listing import ListingFilters

EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/healthz/", "/api/", "/django-admin/")
# Only the query parameters that listings read (foundation.listing) make a cached variant, so a
# visitor adding made-up parameters to every request cannot fill the cache with copies.
CACHED_PARAMETERS = frozenset(ListingFilters.base_fields)


def _cacheable_request(request):
    if not settings.PAGE_CACHE_SECONDS or request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or request.user.is_authenticated:
        return False
    if not CACHED_PARAMETERS.issuperset(request.GET):
        return False
    # Search records every query for editors (hits, misses), so it is never served from here.
    return not request.path.startswith(EXCLUDED_PREFIXES) and "/search/" not in request.path


def _cacheable_response(request, response):
    return (
        response.status_code == 200
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
        and not getattr(response, "streaming", False)
        and "private" not in response.get("Cache-Control", "")
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def canonical_query(request):
    """The listing parameters in one spelling (sorted, values as the listing reads them), or None.

    None means "do not cache": a parameter given twice, or a value the listing refuses (the view
    answers 400 or 404 to those anyway). Page 1 is the page without ``?page``.
    """
    if any(len(request.GET.getlist(name)) > 1 for name in request.GET):
        return None
    form = ListingFilters(request.GET)
    if not form.is_valid():
        return None
    values = {name: value for name, value in form.cleaned_data.items() if value not in (None, "")}
    if values.get("page") == 1:
        del values["page"]
    return urlencode(sorted((name, str(value)) for name, value in values.items()))


def cache_key(request, query):
    view = "large" if getattr(request, "large_text", False) else "standard"
    url = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return f"portal:page:{request.LANGUAGE_CODE}:{view}:{hashlib.sha256(url.encode()).hexdigest()}"


def _room_for_another():
    """Count one more stored page in this lifetime window; False once the bound is reached."""
    counter = "portal:page-count"
    cache.add(counter, 0, settings.PAGE_CACHE_SECONDS)
    try:
        return cache.incr(counter) <= settings.PAGE_CACHE_MAX_ENTRIES
    except ValueError:  # the counter expired between add and incr: count from the next request
        return False


class PageCacheMiddleware:
    """Serve and store anonymous pages (place after the auth, locale and large-text middleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = canonical_query(request) if _cacheable_request(request) else None
        if query is None:
            return self.get_response(request)
        alert_banner(request.LANGUAGE_CODE)  # renews the banner's tag if the banner changed since
        key = cache_key(request, query)
        found = content.lookup(key)
        if found is not None and found[2] != "rebuild":
            response, _versions, state = found
            response["X-Page-Cache"] = "hit" if state == "fresh" else "stale"
            return response
        # Read before rendering, so a publish during the render leaves this copy out of date.
        versions = content.tag_versions([content.EVERYTHING, content.ANY_PUBLISH])
        with content.collecting() as seen:
            response = self.get_response(request)
        if any(tag.startswith("page:") for tag in seen):
            del versions[content.ANY_PUBLISH]  # it said what it shows
        versions.update(seen)
        if not (_cacheable_response(request, response) and _room_for_another()):
            content.release(key)
            return response
        patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_SECONDS)
        if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
            response.render()
        # Validators are stored with the page, so every hit answers conditional requests
        # (ConditionalGetMiddleware) without hashing the body again.
        set_response_etag(response)
        response.setdefault("Last-Modified", http_date())
        content.store(key, response, versions, settings.PAGE_CACHE_SECONDS)
        response["X-Page-Cache"] = "miss"
        return response
