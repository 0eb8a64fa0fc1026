"""Browser tests: Debian's Chromium driven by Playwright against a live server on the seeded demo.

Architecture (why it is not pytest-django's ``live_server``):

* ``live_server`` forces ``transactional_db``, which flushes every table after each test and would
  wipe the demo that ``tests/conftest.py`` seeds once per session, for the browser tests and for
  every test after them. Here one server thread (Django's own ``LiveServerThread``) runs for the
  whole package and only *reads* the seeded, committed demo. The browser tests are ordinary
  ``django_db`` tests: that lifts pytest-django's database block while they run (the block is
  process-wide, so it would also stop the server's threads), and the test's own transaction
  stays empty. pytest-django runs these tests before any transactional (flushing) test.
* The server's threads open their own connections: on PostgreSQL (CI) those see the committed demo;
  on SQLite the test database is Django's shared-cache in-memory database
  (``file:memorydb_default?mode=memory&cache=shared``), which every connection of the process shares.
  Nothing the browser does writes, except image renditions on a page's first render, so the server
  fixture renders every page once before the browser starts (no writes race with reads).
* Sync Playwright runs an event loop in the test thread, so Django's async-safety check would refuse
  the test thread's queries: ``DJANGO_ALLOW_ASYNC_UNSAFE`` is set only while this package runs
  (package-scoped fixtures), and the browser is closed before the rest of the suite continues.
* One Chromium for the package. Checks that only look reuse one tab per view and viewport
  (``visit``); tests that change state get fresh contexts (``pages``: cookies, JavaScript off).
  Every request to a host other than the live server is aborted (and recorded for ``pages``), so
  the tests never touch the network and can assert that nothing third-party was requested.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from tests.demo_server import serving_demo

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
NODE_MODULES = Path(settings.BASE_DIR) / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
MEASURE_SCRIPT = Path(__file__).with_name("measure.js")
MISSING_TOOLS = "run `make browser-deps` (scripts/browser-deps) to install Chromium and the npm tools"

MOBILE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 568}  # WCAG 1.4.10: 1280 CSS px at 400 % zoom
PHONE = {"width": 390, "height": 844}  # a current phone, for what the first screen shows
VIEWPORTS = {"mobile": MOBILE, "desktop": DESKTOP, "narrow": NARROW, "phone": PHONE}
LANGUAGES = ["zh-hans", "en"]
VIEWS = ["standard", "large"]


@pytest.fixture(scope="package")
def page_urls(django_db_setup, django_db_blocker):
    """``{kind: {language: url}}`` for every page type of the seeded demo (see ``demo_pages``)."""
    from tests.browser.demo_pages import find_page_urls

    with django_db_blocker.unblock():
        return find_page_urls()


@pytest.fixture(scope="package")
def base_url(page_urls, django_db_blocker):
    """A live server on the seeded demo for the whole package; yields its ``http://127.0.0.1:port``."""
    paths = [url for by_language in page_urls.values() for url in by_language.values()]
    with serving_demo(django_db_blocker, paths) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture(scope="package")
def browser():
    """One headless Debian Chromium for the package; fails loudly when it is not installed."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: {MISSING_TOOLS}", pytrace=False)
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT} is missing: {MISSING_TOOLS}", pytrace=False)
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True)
        yield chromium
        chromium.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def editor_cookie(django_db_setup, django_db_blocker):
    """The demo editor's admin session cookie (``admin_session``), made before any test's transaction."""
    from tests.browser.admin_session import signed_in

    with signed_in(django_db_blocker, "editor") as cookie:
        yield cookie


@pytest.fixture(scope="package")
def demo_article(django_db_setup, django_db_blocker):
    """The demo's first Chinese article, for the admin's edit view (read outside any test's transaction)."""
    from articles.models import ArticlePage

    with django_db_blocker.unblock():
        return ArticlePage.objects.live().filter(locale__language_code="zh-hans").order_by("path").first()


def new_context(browser, base_url, view="standard", viewport="mobile", javascript=True, blocked=None):
    """A browser context on the live server: the view cookie, a viewport, JavaScript on or off.

    Every request to another host is aborted and its URL appended to ``blocked``.
    """
    host = urlsplit(base_url).netloc
    context = browser.new_context(viewport=VIEWPORTS[viewport], java_script_enabled=javascript)

    def only_the_live_server(route):
        if urlsplit(route.request.url).netloc == host:
            route.continue_()
        else:
            if blocked is not None:
                blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_the_live_server)
    if view == "large":
        context.add_cookies([{"name": "view", "value": "large", "url": base_url}])
    return context


def goto(page, url):
    response = page.goto(url)
    assert response.ok, f"{url} answered {response.status}"
    return page


@pytest.fixture(scope="package")
def visit(browser, base_url):
    """``visit(path, view, viewport)``: the page loaded in a tab kept per view and viewport.

    For checks that only look: navigating a kept tab costs a fifth of opening a new context.
    Each visit is a fresh document, so nothing a check injects outlives it.
    """
    tabs = {}

    def load(path, view="standard", viewport="mobile"):
        if (view, viewport) not in tabs:
            tabs[view, viewport] = new_context(browser, base_url, view, viewport).new_page()
        return goto(tabs[view, viewport], base_url + path)

    yield load
    for tab in tabs.values():
        tab.context.close()


class Pages:
    """Fresh contexts for tests that change state (cookies, JavaScript, viewport) or watch requests."""

    def __init__(self, browser, base_url):
        self.browser = browser
        self.base_url = base_url
        self.blocked = []  # URLs of every request to another host, in order; all were aborted
        self.contexts = []

    def open(self, path, view="standard", viewport="mobile", javascript=True, init_script=None):
        context = new_context(self.browser, self.base_url, view, viewport, javascript, self.blocked)
        self.contexts.append(context)
        if init_script:
            context.add_init_script(init_script)
        return goto(context.new_page(), self.base_url + path)

    def close(self):
        for context in self.contexts:
            context.close()


@pytest.fixture
def pages(browser, base_url):
    opened = Pages(browser, base_url)
    yield opened
    opened.close()


def measure(page, check, *args):
    """Run one of the checks in ``measure.js`` in the page and return its result."""
    if not page.evaluate("() => typeof window.portalMeasure === 'object'"):
        page.evaluate(MEASURE_SCRIPT.read_text())
    return page.evaluate(f"args => window.portalMeasure.{check}(...args)", list(args))
