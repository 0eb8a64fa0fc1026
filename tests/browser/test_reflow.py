"""Reflow (WCAG 1.4.10), resized text (1.4.4) and text spacing (1.4.12) on every page type.

* 320 CSS px wide (a 1280 px screen at 400 % zoom), both views: no horizontal scrolling.
* Text at 200 % (the root font size doubled, as a browser's text-only zoom does) on a phone
  and a desktop: no horizontal scrolling.
* The WCAG 1.4.12 overrides (line height 1.5, paragraph spacing 2 em, letter spacing 0.12 em,
  word spacing 0.16 em): no horizontal scrolling and no text cut off or spilling out of its box.
"""

import pytest

from tests.browser.conftest import LANGUAGES, VIEWS, measure
from tests.browser.demo_pages import PAGE_KINDS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""


def assert_no_horizontal_scroll(page, where):
    width = measure(page, "pageWidth")
    assert width["scrollWidth"] <= width["viewport"], (
        f"{where}: the page is {width['scrollWidth']}px wide in a {width['viewport']}px viewport "
        f"(scrolls sideways); widest elements: {widest(page)}"
    )


def widest(page):
    """The elements that stick out furthest to the right, to say what to fix."""
    return page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .map(el => [Math.round(el.getBoundingClientRect().right),
                        el.tagName.toLowerCase() + '.' + [...el.classList].join('.')])
            .filter(([right]) => right > document.documentElement.clientWidth)
            .sort((a, b) => b[0] - a[0]).slice(0, 5)"""
    )


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_horizontal_scroll_at_320_px(visit, page_urls, kind, language, view):
    page = visit(page_urls[kind][language], view, "narrow")
    assert_no_horizontal_scroll(page, f"{page.url} ({view} view, 320 px)")


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_horizontal_scroll_with_text_at_200_percent(visit, page_urls, kind, viewport):
    page = visit(page_urls[kind]["en"], "standard", viewport)
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    assert_no_horizontal_scroll(page, f"{page.url} (text at 200 %, {viewport})")


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_text_spacing_overrides_break_nothing(visit, page_urls, kind, language, view):
    page = visit(page_urls[kind][language], view, "mobile")
    # A constructed style sheet, as a bookmarklet would add: the site's CSP refuses inline <style>.
    page.evaluate(
        "css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);"
        " document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }",
        TEXT_SPACING,
    )
    where = f"{page.url} ({view} view, WCAG 1.4.12 text spacing)"
    letter_spacing = page.evaluate("() => getComputedStyle(document.querySelector('main p, main li')).letterSpacing")
    assert letter_spacing != "normal", "the text-spacing overrides were not applied"
    assert_no_horizontal_scroll(page, where)
    clipped = measure(page, "overflowing")
    assert not clipped, f"{where}: text does not fit its box:\n" + "\n".join(
        f"    {item['where']} {item['text']!r}: box {item['box']}, content {item['content']}" for item in clipped[:10]
    )
