"""No stampede: when a cached entry is out of date, one request rebuilds it and the others get
the previous copy meanwhile (``foundation.cache`` locks with ``cache.add``).

Threads share the local-memory cache of the test settings. The rebuilding thread is held inside
its render until every other thread has answered, so the test does not depend on timing.
"""

import threading

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import translation

from alerts.banner import alert_banner
from foundation import cache
from portal.page_cache import PageCacheMiddleware

PARALLEL = 8
WAIT_SECONDS = 30  # only a bound for a broken build: the test never waits on the clock otherwise


def burst(call):
    """Run ``call()`` in PARALLEL threads at once; returns their results."""
    results, start = [None] * PARALLEL, threading.Barrier(PARALLEL)

    def run(index):
        start.wait()
        results[index] = call()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(PARALLEL)]
    for thread in threads:
        thread.start()
    return threads, results


def held_rebuild(results_of):
    """``(first, builds, release, answered, call)`` for an entry read by ``results_of(compute)``:
    ``first`` is its first value (built now); ``compute`` counts its builds in ``builds`` and holds
    every one after the first until ``release`` is set; ``call`` reads the entry and releases
    ``answered`` once it has its answer."""
    builds, release, answered = [], threading.Event(), threading.Semaphore(0)

    def compute():
        builds.append(1)
        if len(builds) > 1:
            assert release.wait(WAIT_SECONDS)
        return f"build {len(builds)}"

    def call():
        value = results_of(compute)
        answered.release()
        return value

    return results_of(compute), builds, release, answered, call


def finish(threads, release, answered):
    for _ in range(PARALLEL - 1):
        assert answered.acquire(timeout=WAIT_SECONDS)
    release.set()
    for thread in threads:
        thread.join(WAIT_SECONDS)


def test_one_request_rebuilds_a_stale_entry_the_others_get_the_previous_copy():
    first, builds, release, answered, call = held_rebuild(
        lambda compute: cache.versioned("burst", compute=compute, tags=["page:burst"])
    )
    assert first == "build 1"
    cache.invalidate("page:burst")
    threads, results = burst(call)
    finish(threads, release, answered)
    assert len(builds) == 2  # the first build and exactly one rebuild
    assert sorted(results) == ["build 1"] * (PARALLEL - 1) + ["build 2"]
    assert cache.versioned("burst", compute=lambda: "not again", tags=["page:burst"]) == "build 2"


@pytest.mark.django_db
def test_a_burst_of_requests_to_an_invalid_page_renders_it_once(settings):
    settings.PAGE_CACHE_SECONDS = 300
    alert_banner("en")  # the banner is cached before the burst, as on a running site
    renders, release = [], threading.Event()
    answered = threading.Semaphore(0)

    def render(request):
        renders.append(1)
        cache.depends_on_tags(cache.page_tag("burst"))
        if len(renders) > 1:
            assert release.wait(WAIT_SECONDS)
        return HttpResponse(f"<p>render {len(renders)}</p>", content_type="text/html")

    middleware = PageCacheMiddleware(render)

    def request():
        request = RequestFactory().get("/en/burst/")
        request.user, request.LANGUAGE_CODE = AnonymousUser(), "en"
        return request

    assert middleware(request())["X-Page-Cache"] == "miss"
    assert middleware(request())["X-Page-Cache"] == "hit"
    cache.invalidate(cache.page_tag("burst"))

    def call():
        response = middleware(request())
        answered.release()
        return response["X-Page-Cache"], response.content

    threads, results = burst(call)
    for _ in range(PARALLEL - 1):
        assert answered.acquire(timeout=WAIT_SECONDS)
    release.set()
    for thread in threads:
        thread.join(WAIT_SECONDS)
    assert len(renders) == 2
    assert sorted(results) == [("miss", b"<p>render 2</p>")] + [("stale", b"<p>render 1</p>")] * (PARALLEL - 1)
    assert middleware(request())["X-Page-Cache"] == "hit"


def test_a_burst_of_requests_to_an_invalid_fragment_renders_it_once():
    from django.template import Context, Template

    fragment = Template("{% load foundation_tags %}{% fragment burst 1 tags=tags %}<p>{{ compute }}</p>{% endfragment %}")

    def render(compute):
        with translation.override("en"):  # as LocaleMiddleware does in each request's thread: one entry
            return fragment.render(Context({"compute": compute, "tags": ["page:burst"]}))

    first, builds, release, answered, call = held_rebuild(render)
    assert first == "<p>build 1</p>"
    cache.invalidate("page:burst")
    threads, results = burst(call)
    finish(threads, release, answered)
    assert len(builds) == 2  # the first render and exactly one rebuild
    assert sorted(results) == ["<p>build 1</p>"] * (PARALLEL - 1) + ["<p>build 2</p>"]


def test_an_expired_entry_is_rebuilt_once_while_the_others_get_the_expired_copy(monkeypatch):
    """An entry with a timeout (it follows the clock) is kept ``STALE_SECONDS`` past it: the clock
    is moved just past the timeout, and one caller rebuilds while the others get the old value."""
    import time

    first, builds, release, answered, call = held_rebuild(
        lambda compute: cache.versioned("clock", compute=compute, timeout=60)
    )
    assert first == "build 1"
    later = time.time() + 61  # expired, within STALE_SECONDS
    assert 61 < 60 + cache.STALE_SECONDS
    monkeypatch.setattr(time, "time", lambda: later)
    threads, results = burst(call)
    finish(threads, release, answered)
    assert len(builds) == 2
    assert sorted(results) == ["build 1"] * (PARALLEL - 1) + ["build 2"]
    assert cache.versioned("clock", compute=lambda: "not again", timeout=60) == "build 2"
