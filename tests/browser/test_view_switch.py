"""The large-text switch in a real browser: click, keyboard, JavaScript off, persistence, first paint."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from tests.browser.conftest import LANGUAGES, VIEWS
from tests.browser.demo_pages import PAGE_KINDS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def switch_label(language, large=False):
    """The switch's name in a view: what pressing it will do."""
    with translation.override(language):
        return gettext("Switch to standard text" if large else "Switch to large text")


def assert_view(page, large):
    html_class = page.evaluate("() => document.documentElement.className")
    assert ("view-large" in html_class) is large, f"{page.url}: <html class={html_class!r}>, expected large={large}"
    name = page.locator(".view-switch__button").inner_text()
    assert name.endswith(switch_label(page_language(page), large)), f"{page.url}: the switch says {name!r}"
    assert "view=" not in page.url, f"{page.url}: the view parameter should be gone after the switch"


def page_language(page):
    return "zh-hans" if page.evaluate("() => document.documentElement.lang") == "zh-Hans" else "en"


def view_cookie(page):
    return next((cookie for cookie in page.context.cookies() if cookie["name"] == "view"), None)


@pytest.mark.parametrize("language", LANGUAGES)
def test_switch_by_click_and_back(pages, page_urls, language):
    path = page_urls["article"][language]
    page = pages.open(path)
    assert_view(page, large=False)
    page.get_by_role("button", name=switch_label(language)).click()
    page.wait_for_load_state()
    assert_view(page, large=True)
    assert page.url.endswith(path)
    cookie = view_cookie(page)
    assert cookie and cookie["value"] == "large" and cookie["sameSite"] == "Lax" and cookie["path"] == "/", cookie
    page.get_by_role("button", name=switch_label(language, large=True)).click()
    page.wait_for_load_state()
    assert_view(page, large=False)
    assert view_cookie(page) is None


def test_switch_by_keyboard(pages, page_urls):
    page = pages.open(page_urls["home"]["en"])
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('view-switch__button')"):
            break
    else:
        pytest.fail("30 presses of Tab never reached the large-text switch")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_view(page, large=True)
    page.focus(".view-switch__button")
    with page.expect_navigation():
        page.keyboard.press("Space")
    assert_view(page, large=False)


def test_switch_without_javascript_keeps_the_other_parameters(pages, page_urls):
    path = page_urls["article-index"]["en"]
    page = pages.open(f"{path}?audience=elderly&view=large", javascript=False)
    assert page.url.endswith(f"{path}?audience=elderly"), page.url
    assert_view(page, large=True)
    assert page.locator("#filter-audience").input_value() == "elderly"
    page.get_by_role("button", name=switch_label("en", large=True)).click()
    page.wait_for_load_state()
    assert_view(page, large=False)
    assert page.url.endswith(f"{path}?audience=elderly"), page.url


def test_choice_persists_across_pages_and_is_in_the_first_response(pages, page_urls):
    page = pages.open(page_urls["home"]["zh-hans"] + "?view=large")
    assert_view(page, large=True)
    page.locator(".header-menu > summary").click()  # the menu is behind its button on a phone
    with page.expect_navigation() as navigation:
        page.locator(".main-nav a").nth(2).click()
    assert_view(page, large=True)
    first_bytes = navigation.value.text()
    assert 'class="view-large"' in first_bytes, "the server's HTML must already carry the large view (no flash)"
    assert "cookie" in navigation.value.headers.get("vary", "").lower()


@pytest.mark.parametrize("view", VIEWS)
def test_cookie_alone_renders_the_large_view_without_javascript(pages, page_urls, view):
    page = pages.open(page_urls["case-study"]["en"], view=view, javascript=False)
    assert_view(page, large=view == "large")
    size = page.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)")
    assert (size >= 22) is (view == "large"), f"body text {size}px in the {view} view with JavaScript off"


@pytest.mark.parametrize("viewport", ["mobile", "desktop", "narrow"])
@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_switch_is_in_the_first_viewport(visit, page_urls, kind, view, viewport):
    page = visit(page_urls[kind]["zh-hans"], view, viewport)
    box = page.locator(".view-switch__button").bounding_box()
    height = page.viewport_size["height"]
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= height, (
        f"{page.url} ({view}, {viewport}): the switch is at {box}, outside the first {height}px"
    )
