"""The "set publishing schedule" dialog of the edit view: its go-live and expiry fields never overlap.

Measured at a phone's, a tablet's and a desktop's admin width; each field is its whole wrapper
(label, input, help), as an editor sees it.
"""

import pytest
from django.urls import reverse

from tests.browser.conftest import new_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

FIELD_BOXES = """names => names.map(name => {
  const input = document.getElementById('id_' + name);
  const box = (input.closest('[data-field-wrapper]') || input).getBoundingClientRect();
  return {left: box.left, top: box.top, right: box.right, bottom: box.bottom, width: box.width};
})"""


def intersect(a, b):
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


@pytest.mark.parametrize("width", [320, 768, 1280])
def test_the_schedule_fields_do_not_overlap(browser, base_url, editor_cookie, demo_article, width):
    context = new_context(browser, base_url, viewport="desktop")
    context.add_cookies([{**editor_cookie, "url": base_url}])
    try:
        page = context.new_page()
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(base_url + reverse("wagtailadmin_pages:edit", args=[demo_article.pk]))
        # The dialog's toggle sits in the status side panel; the dialog itself belongs to the form.
        page.evaluate("""document.querySelector('[data-a11y-dialog-show="schedule-publishing-dialog"]').click()""")
        page.locator("#schedule-publishing-dialog #id_expire_at").wait_for()
        go_live, expiry = page.evaluate(FIELD_BOXES, ["go_live_at", "expire_at"])
        assert go_live["width"] > 0 and expiry["width"] > 0
        assert not intersect(go_live, expiry), f"at {width}px: go-live {go_live} overlaps expiry {expiry}"
        assert go_live["right"] <= width and expiry["right"] <= width, f"at {width}px a field runs off the screen"
    finally:
        context.close()
