"""The admin works under its own Content-Security-Policy (issue 14, item 9): no violation on an editor's path.

Chromium reports each refused script, style, frame or connection on the console ("Refused to ...
because it violates the following Content Security Policy directive"); the walk below records them
in every frame, including the preview panel's iframe and a chooser's modal, and asks for none.
Requests to another host are aborted and recorded too: the admin loads nothing third-party (no
Gravatar).
"""

import pytest
from django.urls import reverse

from tests.browser.conftest import new_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture
def demo_alert(django_db_blocker):
    from alerts.models import FraudAlert

    with django_db_blocker.unblock():
        return FraudAlert.objects.filter(locale__language_code="zh-hans", live=True).first()


def test_an_editors_path_through_the_admin_breaks_no_rule_of_its_policy(
    browser, base_url, editor_cookie, demo_article, demo_alert
):
    blocked = []
    context = new_context(browser, base_url, viewport="desktop", blocked=blocked)
    context.add_cookies([{**editor_cookie, "url": base_url}])
    refused = []
    context.on("console", lambda message: "Content Security Policy" in message.text and refused.append(message.text))
    try:
        page = context.new_page()
        for url in [reverse("wagtailadmin_home"), reverse("wagtailadmin_explore", args=[demo_article.get_parent().pk]),
                    reverse(demo_alert.snippet_viewset.get_url_name("edit"), args=[demo_alert.pk])]:
            response = page.goto(base_url + url)
            assert response.ok and "content-security-policy" in response.headers, url
        page.goto(base_url + reverse("wagtailadmin_pages:edit", args=[demo_article.pk]))
        page.click('[data-side-panel-toggle="preview"]')
        page.frame_locator("#w-preview-iframe").locator("h1").wait_for(timeout=15000)
        page.evaluate("document.querySelector('[data-chooser-action-choose]').click()")  # the listing image's chooser
        page.locator(".modal-content").first.wait_for(timeout=15000)
        page.wait_for_timeout(500)  # let the modal's own scripts run
    finally:
        context.close()
    assert refused == [], refused
    assert blocked == [], blocked
