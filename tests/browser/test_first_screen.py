"""The page's own content is on a phone's first screen, and the desktop keeps the full header.

On a 390 x 844 phone, in both views and both languages, every page type shows its h1 and the
first line of the first text block after it (``measure.firstScreen``: usually the lead paragraph)
without scrolling:
the compact header (templates/base.html) leaves them room. From 1024 px the search box, the menu
links and the hotlines' names show as they always did, without the disclosures' summaries. The
disclosures work without JavaScript.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import LANGUAGES, VIEWS, measure
from tests.browser.demo_pages import PAGE_KINDS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SCREEN_HEIGHT = 844
WIDE = {"width": 1024, "height": 768}


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_h1_and_first_paragraph_on_the_first_screen(visit, page_urls, kind, language, view):
    page = visit(page_urls[kind][language], view, "phone")
    found = measure(page, "firstScreen")
    where = f"{page.url} ({view} view, 390 x 844)"
    assert found and found["first"], f"{where}: no h1 in main, or no text after it: {found}"
    assert 0 <= found["h1"]["top"] and found["h1"]["bottom"] <= SCREEN_HEIGHT, f"{where}: the h1 is at {found['h1']}"
    assert found["first"]["bottom"] <= SCREEN_HEIGHT, (
        f"{where}: the first line of text after the h1 ({found['firstWhere']} {found['firstText']!r}) ends at "
        f"{found['first']['bottom']:.0f}px, below the first screen: the header above it is too tall"
    )


@pytest.mark.parametrize("view", VIEWS)
def test_desktop_shows_the_full_header(pages, page_urls, view):
    page = pages.open(page_urls["article"]["zh-hans"], view=view, viewport="desktop")
    page.set_viewport_size(WIDE)
    assert page.locator("#site-search").is_visible()
    assert page.locator(".main-nav a").count() >= 5
    assert all(page.locator(".main-nav a").nth(i).is_visible() for i in range(page.locator(".main-nav a").count()))
    assert page.locator(".hotlines__name").first.is_visible()
    assert page.locator(".header-disclosure > summary").evaluate_all("els => els.every(el => !el.offsetWidth)")


@pytest.mark.parametrize("javascript", [True, False])
def test_phone_menu_and_search_open_without_javascript(pages, page_urls, javascript):
    page = pages.open(page_urls["article"]["en"], viewport="phone", javascript=javascript)
    menu, search = page.locator(".header-menu > summary"), page.locator(".header-search > summary")
    assert page.locator(".main-nav a").first.is_hidden() and page.locator("#site-search").is_hidden()
    assert menu.inner_text() == "Menu" and search.inner_text() == "Search"
    menu.focus()
    page.keyboard.press("Enter")
    links = page.locator(".main-nav a")
    assert links.first.is_visible() and links.count() >= 5
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('.main-nav') !== null"), "Tab goes into the open menu"
    search.click()
    assert page.locator("#site-search").is_visible()
    if javascript:  # the enhancement: one disclosure at a time, the cursor in the search box, Escape closes
        # site.js acts on <details>' "toggle" event, which the browser fires after the click: wait for it.
        expect(links.first).to_be_hidden()
        expect(page.locator("#site-search")).to_be_focused()
        page.keyboard.press("Escape")
        expect(page.locator("#site-search")).to_be_hidden()
        assert page.evaluate("() => document.activeElement.parentElement.classList.contains('header-search')")
        page.keyboard.press("Enter")
    page.locator("#site-search").fill("refund")
    with page.expect_navigation():
        page.locator("#site-search").press("Enter")
    assert "/search/" in page.url and "q=refund" in page.url
