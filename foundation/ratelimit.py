"""Whose request is it? The client address that rate limits count (django-ratelimit's ``RATELIMIT_IP_META_KEY``).

Behind a reverse proxy every request comes from the proxy, so the limits must count the address
the proxy puts in a header (``CLIENT_IP_HEADER``, e.g. ``HTTP_X_REAL_IP``). django-ratelimit, given
a header name, raises ``ImproperlyConfigured`` (a 500) when a request lacks it: a health check or
anything else that reaches the app server directly. ``client_ip`` falls back to the connection's
own address then, or when the header holds no valid address: a request that bypassed the proxy
is counted as coming from where it really came from.
"""

import ipaddress

from django.conf import settings

FALLBACK = "0.0.0.0"  # noqa: S104 - only counted under, never bound to


def _valid(address):
    try:
        return str(ipaddress.ip_address((address or "").strip()))
    except ValueError:
        return None


def client_ip(request):
    header = getattr(settings, "CLIENT_IP_HEADER", "REMOTE_ADDR")
    return _valid(request.META.get(header)) or _valid(request.META.get("REMOTE_ADDR")) or FALLBACK


def allowing_more(rate):
    """A django-ratelimit rate: ``rate`` ("5/10m"), or more for the addresses in ``RATELIMIT_ALLOWED_MORE``.

    A shared address — a community desk, a branch counter helping older people report — sends many
    people's requests; ``RATELIMIT_ALLOWED_MORE = {"203.0.113.7": 60}`` lets it make 60 in the same
    window instead. Such an address gets a counter of its own (the rate is part of the counter's key).
    """
    period = rate.partition("/")[2]

    def rate_for(group, request):
        more = getattr(settings, "RATELIMIT_ALLOWED_MORE", {}).get(client_ip(request))
        return f"{more}/{period}" if more else rate

    return rate_for
