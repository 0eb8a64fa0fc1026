"""Caching built on published content: one content version, and a helper to use it.

Menus, page links, listings and whole pages are built from published content and kept in the
cache (Redis in production, so every app server sees the same entries). Instead of deleting each
entry when something changes, every key carries the *content version*: a random token that any
change to published content replaces (``forget``; ``foundation.signals`` and each app's own
``signals`` module connect it), so every entry built before the change is simply never read
again and expires on its own. That keeps correctness trivial: nothing built from old content is
served after a publish.

``versioned(name, *parts, compute=..., timeout=None)`` is the one way to read such an entry: the
key is ``portal:<name>:<parts>:<version>``; on a miss ``compute()`` runs and its result is kept.
A ``None`` result is stored as a miss marker too, so "nothing to show" costs no query either.
"""

import uuid

from django.core.cache import cache

VERSION_KEY = "portal:content-version"
_NOTHING = "portal:nothing"  # stored for a computed None, which Django's cache cannot tell from a miss


def version():
    """The current content version: part of every cache key built on published content."""
    current = cache.get(VERSION_KEY)
    if current is None:
        current = uuid.uuid4().hex
        cache.set(VERSION_KEY, current, None)
    return current


def forget(**kwargs):
    """Start a new content version (usable as a signal receiver: it ignores the signal's arguments)."""
    cache.delete(VERSION_KEY)


def versioned(name, *parts, compute, timeout=None):
    """The cached value of ``compute()`` for ``name`` and ``parts`` under the current content version."""
    key = ":".join(["portal", name, *map(str, parts), version()])
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, _NOTHING if value is None else value, timeout)
    return None if value == _NOTHING else value
