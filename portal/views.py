"""Site-wide error views."""

from django.shortcuts import render


def bad_request(request, exception):
    """400 with the site chrome and the reason (our own messages from ``BadRequest``), in the visitor's language."""
    return render(request, "400.html", {"reason": str(exception)}, status=400)


def rate_limited(request, exception):
    """429 for clients over a rate limit (django-ratelimit's ``RATELIMIT_VIEW``)."""
    response = render(request, "429.html", status=429)
    response["Retry-After"] = "60"
    return response
