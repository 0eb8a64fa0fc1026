"""Caching built on published content: entries that know what they were built from.

Menus, page links, listings and whole pages are built from published content and kept in the
cache (Redis in production, so every app server sees the same entries). Each entry records its
*dependencies*: tags naming what it was built from, each with the version that tag had when the
entry was built. A change replaces the version of the tags it touches (``invalidate``), so the
entries that depend on them no longer match and are rebuilt, while every other entry stays.

Tags (the helpers below build them; the page types say which they show and which a publish
touches, ``foundation.models.pages``):

- ``page:<pk>`` — the page's own published content (title, body, URL);
- ``translations:<translation key>`` — which languages a page exists in (the language links);
- ``listing:<kind>:<locale id>`` — the live pages of a listing kind in a language, for the
  listings of all of them (the kind's index, the home page);
- ``listing:<kind>:<locale id>:<lookup>=<value>`` — those filed under one audience or campaign
  (``listing:article:2:audience=elderly``), for the listings filtered by it (that audience's page,
  that campaign's): publishing an article renews the pages of its own audiences and campaign, those
  it has and those its live copy had, and no other;
- ``children:<parent pk>`` — a parent's live children (the main menu is the home page's);
- ``alerts:<language>``, ``banner:<language>``, ``contacts`` — the apps' own (``alerts``, ``review``);
- ``content`` (``EVERYTHING``) — every entry depends on it: a site, locale or audience change, a
  move or a view restriction starts over.

Reading an entry (``versioned``) compares its recorded versions with the current ones in one
``get_many``. Entries nest: while one is built (``collecting``), the entries it reads and the tags
declared with ``depends_on`` are added to its dependencies, so a whole cached page
(``portal.page_cache``) depends on its menu, its links and its fragments without knowing them.

No stampede: an entry found stale is rebuilt by the one request that takes its lock
(``cache.add``, ``LOCK_SECONDS``); the others get the previous copy meanwhile. The same holds for
an entry with a ``timeout`` (what changes with the clock: the banner, a campaign going live, the
whole-page copies): it is kept ``STALE_SECONDS`` past its timeout, and once expired it is rebuilt by
one request while the others are served the expired copy, rather than all missing at once.
A ``None`` result is stored as a miss marker too, so "nothing to show" costs no query either.

Template fragments are entries too: ``{% fragment name part... %}`` (``foundation_tags``) keeps
a block of a template under ``versioned``, with the same dependencies, locks and stale copies;
a preview renders its block afresh and leaves the cache alone.
"""

import contextlib
import contextvars
import time
import uuid

from django.core.cache import cache
from django.db import transaction

EVERYTHING = "content"
ANY_PUBLISH = "any"  # bumped by every change: for entries that could not say what they show
LOCK_SECONDS = 10  # how long one request may rebuild an entry while the others serve the old copy
STALE_SECONDS = 60  # how long an entry past its timeout is still served while one request rebuilds it
_NOTHING = "portal:nothing"  # stored for a computed None, which Django's cache cannot tell from a miss
_collectors = contextvars.ContextVar("cache_collectors", default=())


def page_tag(pk):
    return f"page:{pk}"


def translations_tag(translation_key):
    return f"translations:{translation_key}"


def listing_tag(kind, locale_id, lookup=None, value=None):
    """``listing:<kind>:<locale id>``, or with a filter ``listing:<kind>:<locale id>:<lookup>=<value>``."""
    tag = f"listing:{kind}:{locale_id}"
    return tag if lookup is None else f"{tag}:{lookup}={value}"


def children_tag(parent_pk):
    return f"children:{parent_pk}"


def _tag_key(tag):
    return f"portal:tag:{tag}"


def tag_versions(tags):
    """``{tag: version}`` now; a tag never seen (or evicted) gets a new version, so nothing matches it."""
    keys = {_tag_key(tag): tag for tag in tags}
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        for key in missing:
            cache.add(key, uuid.uuid4().hex, None)  # add: two first readers agree on one version
        found.update(cache.get_many(missing))
    return {keys[key]: version for key, version in found.items()}


def is_current(versions):
    """Whether every recorded ``{tag: version}`` still holds (one ``get_many``)."""
    found = cache.get_many([_tag_key(tag) for tag in versions])
    return all(found.get(_tag_key(tag)) == version for tag, version in versions.items())


def invalidate(*tags):
    """A new version for each tag: every entry built from them is rebuilt on its next read.

    Inside a transaction (a publish is one) the tags are renewed again after the commit: a request
    that read the old rows between the change and the commit may have stored them under the first
    new version, and would otherwise keep serving them until the next change."""
    renew(tags)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: renew(tags))


def renew(tags):
    cache.set_many({_tag_key(tag): uuid.uuid4().hex for tag in {*tags, ANY_PUBLISH}}, None)


def forget(**kwargs):
    """Invalidate everything (usable as a signal receiver: it ignores the signal's arguments)."""
    invalidate(EVERYTHING)


@contextlib.contextmanager
def collecting():
    """Collect, as ``{tag: version}``, the dependencies of whatever is built inside the block."""
    found = {}
    token = _collectors.set((*_collectors.get(), found))
    try:
        yield found
    finally:
        _collectors.reset(token)


@contextlib.contextmanager
def isolated():
    """Entries read inside the block do not become dependencies of the one being built around it."""
    token = _collectors.set(())
    try:
        yield
    finally:
        _collectors.reset(token)


def depends_on(versions):
    """Record ``{tag: version}`` as dependencies of every entry being built (``depends_on_tags`` reads them)."""
    for found in _collectors.get():
        found.update(versions)


def depends_on_tags(*tags):
    """Record the current versions of ``tags`` as dependencies of every entry being built (if any)."""
    if _collectors.get():  # nothing is being built (the page cache is off): not even a cache read
        depends_on(tag_versions(tags))


def lookup(key):
    """``(value, versions, state)`` of the entry at ``key``, or None when there is none (build it).

    ``state`` is ``"fresh"`` (serve it), ``"stale"`` (out of date, but another request holds the
    rebuild lock: serve it meanwhile) or ``"rebuild"`` (this request took the lock: build, then
    ``store``, which releases it; ``release`` if the result is not kept)."""
    entry = cache.get(key)
    if entry is None or len(entry) != 3:  # none, or one in the layout of an older release: build it
        return None
    value, versions, expires = entry
    if is_current(versions) and (expires is None or time.time() < expires):
        return value, versions, "fresh"
    return value, versions, "rebuild" if cache.add(f"{key}:lock", 1, LOCK_SECONDS) else "stale"


def store(key, value, versions, timeout):
    """Keep ``value`` for ``timeout`` seconds (None: until its tags change or it is evicted), and
    ``STALE_SECONDS`` more, in which the expired entry is served while one request rebuilds it."""
    expires = None if timeout is None else time.time() + timeout
    cache.set(key, (value, versions, expires), None if timeout is None else timeout + STALE_SECONDS)
    release(key)


def release(key):
    cache.delete(f"{key}:lock")


def versioned(name, *parts, compute, tags=(), timeout=None):
    """The cached value of ``compute()`` for ``name`` and ``parts``, rebuilt when one of its ``tags``
    (or an entry read while computing it) changes. ``timeout`` bounds what changes with the clock."""
    key = ":".join(["portal", name, *map(str, parts)])
    found = lookup(key)
    if found is not None and found[2] != "rebuild":
        value, versions, _state = found
    else:
        versions = tag_versions([EVERYTHING, *tags])  # read before computing: a change meanwhile wins
        with collecting() as inner:
            value = compute()
        versions.update(inner)
        value = _NOTHING if value is None else value
        store(key, value, versions, timeout)
    depends_on(versions)
    return None if value == _NOTHING else value
