"""The elderly-friendly large-text view ("长辈模式"), chosen per visitor and rendered by the server.

Same URLs, same content, a different presentation:

* ``?view=large`` or ``?view=standard`` on any page switches. The switch in the page header
  (``templates/includes/view_switch.html``) is a GET form that sends exactly that, so it works
  without JavaScript. The middleware remembers the choice in a long-lived ``view`` cookie and
  redirects to the same URL without the parameter: every page keeps a single address whatever
  the view, and links, pagination and filters never have to carry the parameter along.
* Later requests carry the cookie; the middleware sets ``request.large_text`` and ``base.html``
  puts ``class="view-large"`` on ``<html>`` and adds ``large-text.css``. The first byte of the
  page is already in the chosen view: no flash of the standard view, no script involved.

Caching. An HTML response depends on the cookie, so it carries ``Vary: Cookie``: any HTTP cache
(browser, proxy, CDN) then keeps the two views apart. ``Vary: Cookie`` is keyed on the whole
Cookie header, so a shared cache in front of the site should normalise it for anonymous visitors
(drop every cookie but ``view``, e.g. Varnish ``vcl_recv`` or an nginx ``map`` on ``$cookie_view``),
which leaves exactly two variants per page. The switching redirect itself sets a cookie and is
marked uncacheable.
"""

from django.http import HttpResponseRedirect
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.encoding import escape_uri_path
from django.utils.http import escape_leading_slashes

PARAMETER = "view"
COOKIE_NAME = "view"
COOKIE_MAX_AGE = 400 * 24 * 60 * 60  # the longest lifetime browsers honour (RFC 6265bis)
LARGE = "large"
STANDARD = "standard"


class LargeTextMiddleware:
    """Switch views on ``?view=``, expose ``request.large_text``, mark HTML as varying on the cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        choice = request.GET.get(PARAMETER)
        if request.method in ("GET", "HEAD") and choice in (LARGE, STANDARD):
            return switch_view(request, choice)
        request.large_text = request.COOKIES.get(COOKIE_NAME) == LARGE
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            patch_vary_headers(response, ["Cookie"])
        return response


def switch_view(request, choice):
    """Remember ``choice`` in the cookie and redirect to the same URL without the parameter.

    The query string is hostile input: it is parsed by Django and re-encoded, never echoed. The
    path is re-quoted and a leading ``//`` escaped, so the redirect cannot leave the site
    (``//evil.example/?view=large`` must not become a protocol-relative ``Location``).
    """
    remaining = request.GET.copy()
    remaining.pop(PARAMETER)
    location = escape_leading_slashes(escape_uri_path(request.path))
    if remaining:
        location += "?" + remaining.urlencode()
    response = HttpResponseRedirect(location)
    add_never_cache_headers(response)
    if choice == LARGE:
        response.set_cookie(
            COOKIE_NAME, LARGE, max_age=COOKIE_MAX_AGE, samesite="Lax", secure=request.is_secure(), httponly=True
        )
    else:
        response.delete_cookie(COOKIE_NAME, samesite="Lax")
    return response
