"""The edit form's preview panel in a real browser: the iframe shows the page, in both views.

Regression: the preview carried the public site's ``frame-ancestors 'none'``, so Chromium refused
to draw it inside the admin and the panel stayed blank.
"""

import pytest
from django.urls import reverse

from tests.browser.conftest import new_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_the_preview_panel_shows_the_article_in_both_views(browser, base_url, editor_cookie, demo_article):
    context = new_context(browser, base_url, viewport="desktop")  # other hosts (Gravatar) are aborted
    context.add_cookies([{**editor_cookie, "url": base_url}])
    refused = []
    context.on("console", lambda message: "frame-ancestors" in message.text and refused.append(message.text))
    try:
        page = context.new_page()
        page.goto(base_url + reverse("wagtailadmin_pages:edit", args=[demo_article.pk]))
        page.click('[data-side-panel-toggle="preview"]')
        frame = page.frame_locator("#w-preview-iframe")
        heading = frame.locator("h1")
        heading.wait_for(timeout=15000)
        assert heading.inner_text().strip() == demo_article.title
        assert "view-large" not in (frame.locator("html").get_attribute("class") or "")

        page.select_option("#id_preview_mode", "large")
        frame.locator("html.view-large h1").wait_for(timeout=15000)
        assert refused == [], refused
    finally:
        context.close()
