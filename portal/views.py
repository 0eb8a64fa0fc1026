"""Site-wide error views."""

from django.core.exceptions import BadRequest
from django.shortcuts import render


def bad_request(request, exception):
    """400 with the site chrome and the reason, in the visitor's language.

    Only our own messages (``BadRequest``: "Invalid filter: year") are shown. Django's other 400s
    carry the request's own text, such as the refused ``Host`` header, which must not be echoed
    into a page (reflected content, cache poisoning).
    """
    reason = str(exception) if type(exception) is BadRequest else ""
    return render(request, "400.html", {"reason": reason}, status=400)


def rate_limited(request, exception):
    """429 for clients over a rate limit (django-ratelimit's ``RATELIMIT_VIEW``)."""
    response = render(request, "429.html", status=429)
    response["Retry-After"] = "60"
    return response
