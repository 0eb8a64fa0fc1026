"""Keyboard use in both views: skip link first, the switch, search and menu reachable, focus always seen.

Tabbing from the top of each page to its end: the first stop is the skip link; every stop is on
screen, not covered by anything (the large view's sticky hotline bar included, WCAG 2.4.11) and
has a focus indicator of at least 2 px and 3:1 against what surrounds it; the end of the page is
reached (no keyboard trap).
"""

import pytest

from tests.browser.conftest import VIEWS, measure
from tests.browser.demo_pages import PAGE_KINDS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

FOCUS_CONTRAST_MIN = 3


def tab_through(page):
    """Focus stops from the first Tab to the end of the page, as ``measure.focused()`` reports them.

    The end is when focus leaves the document or comes round to the first stop again (browsers
    do either); a trap is a loop that never gets there.
    """
    focusable = page.evaluate(
        "() => document.querySelectorAll("
        "'a[href], button, input, select, textarea, summary, video[controls], [tabindex]').length"
    )
    stops = []
    for _ in range(focusable + 10):
        page.keyboard.press("Tab")
        stop = measure(page, "focused")
        if stop is None or (stops and stop["where"] == stops[0]["where"] and stop["text"] == stops[0]["text"]):
            return stops
        stops.append(stop)
    pytest.fail(f"{page.url}: {len(stops)} Tab presses never reached the end of the page (trap?): {stops[-3:]}")


# The standard view has nothing sticky, so its phone layout stands for both; the large view's
# sticky hotline bar is checked on a phone and a desktop.
@pytest.mark.parametrize("view, viewport", [("standard", "mobile"), ("large", "mobile"), ("large", "desktop")])
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_tabbing_through_the_page(visit, page_urls, kind, view, viewport):
    page = visit(page_urls[kind]["zh-hans"], view, viewport)
    where = f"{page.url} ({view} view, {viewport})"
    stops = tab_through(page)
    assert stops and "skip-link" in stops[0]["classes"], f"{where}: the first Tab stop is {stops[:1]}, not skip link"
    switch = any("view-switch__button" in stop["classes"] for stop in stops)
    assert switch, f"{where}: the large-text switch is not reachable"
    # The search box itself on a desktop; on a phone the summary that opens it (test_first_screen.py).
    search = any(stop["id"] == "site-search" or "header-search > summary" in stop["where"] for stop in stops)
    assert search, f"{where}: the search box is not reachable"
    menu = any("main-nav" in stop["where"] or "header-menu > summary" in stop["where"] for stop in stops)
    assert menu, f"{where}: the menu is not reachable"
    hidden = [stop for stop in stops if not stop["onScreen"] or stop["covered"]]
    assert not hidden, f"{where}: focused elements off screen or covered:\n" + "\n".join(
        f"    {stop['where']} {stop['text']!r} covered by {stop['covered']}" for stop in hidden[:8]
    )
    faint = [stop for stop in stops if stop["indicatorContrast"] < FOCUS_CONTRAST_MIN]
    assert not faint, f"{where}: focus indicators under 2px or {FOCUS_CONTRAST_MIN}:1:\n" + "\n".join(
        f"    {stop['where']} {stop['text']!r}: {stop['indicatorContrast']:.2f}:1" for stop in faint[:8]
    )


@pytest.mark.parametrize("view", VIEWS)
def test_skip_link_moves_focus_to_the_main_content(visit, page_urls, view):
    page = visit(page_urls["case-study"]["en"], view)
    page.keyboard.press("Tab")
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    heading = page.locator("main h1").bounding_box()
    bar = page.locator(".hotline-bar").bounding_box()
    assert heading["y"] >= 0 and (bar["y"] + bar["height"] <= heading["y"] or bar["y"] < 0), (
        f"after the skip link the h1 ({heading}) is under the hotline bar ({bar})"
    )
