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
  variants cannot multiply entries;
- at most ``PAGE_CACHE_MAX_ENTRIES`` pages are stored per content version and lifetime, so
  even valid variants (every audience slug, every page number) cannot fill the cache;
- it includes the content version (``foundation.cache``), which every publish,
  unpublish, move, delete, alert or contact change bumps: stale pages are never
  served after a change. A short lifetime covers what changes with the clock
  (an alert's active window, a campaign turning "live").

``Cache-Control: public, max-age``, an ``ETag`` and ``Last-Modified`` let browsers, a
CDN or nginx cache and revalidate the same pages; the
Wagtail frontend-cache app purges those on publish in production (README).
"""

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date

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
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"portal:page:{content.version()}:{request.LANGUAGE_CODE}:{view}:{digest}"


def _room_for_another():
    """Count one more stored page in this content version; False once the bound is reached."""
    counter = f"portal:page-count:{content.version()}"
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
        key = cache_key(request, query)
        response = cache.get(key)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _cacheable_response(request, response) and _room_for_another():
            patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_SECONDS)
            if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
                response.render()
            # Validators are stored with the page, so every hit answers conditional requests
            # (ConditionalGetMiddleware) without hashing the body again.
            set_response_etag(response)
            response.setdefault("Last-Modified", http_date())
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
