"""What editors and reviewers see in the admin: the checks while editing, the queue on the dashboard."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from alerts.models import FraudAlert
from articles.models import ArticlePage
from foundation.models import Audience

from .admin_helpers import article_form, create_article_url, edit_page_url, snippet_url

pytestmark = pytest.mark.django_db


def checks_panel(response):
    """The checks panel and (level, message) of each issue it lists."""
    assert response.status_code == 200
    panel = BeautifulSoup(response.content, "html.parser").select_one("[data-review-checks]")
    return panel, [(item["data-level"], item.get_text(strip=True)) for item in panel.select("li")]


def test_the_create_view_explains_when_checks_run(client, editor, articles_zh):
    client.force_login(editor)
    panel, items = checks_panel(client.get(create_article_url(articles_zh)))
    assert items == [] and "save a draft" in panel.get_text()


def test_the_edit_view_shows_the_checks_and_refreshes_them_on_save(client, editor, articles_zh):
    client.force_login(editor)
    audience = Audience.objects.filter(locale=articles_zh.locale)[:1]
    data = article_form("Zorbex 讲座", "zorbex-talk", "零风险！热线 400-123-4567", audience, action="save")
    client.post(create_article_url(articles_zh), data)
    page = ArticlePage.objects.get(slug="zorbex-talk")

    _, items = checks_panel(client.get(edit_page_url(page)))
    assert [level for level, _ in items] == ["error", "error"]
    assert "“零风险”" in items[0][1] and "400-123-4567" in items[1][1]

    data = article_form("Zorbex 讲座", "zorbex-talk", "投资有风险。热线 95511", audience, action="save")
    client.post(edit_page_url(page), data)
    panel, items = checks_panel(client.get(edit_page_url(page)))
    assert items == [] and "No issues found" in panel.get_text()


def test_alert_edit_view_shows_the_checks(client, editor):
    client.force_login(editor)
    alert = FraudAlert.objects.filter(locale__language_code="en").first()
    alert.summary = "Call 400-123-4567 for help."
    alert.save_revision()
    _, items = checks_panel(client.get(snippet_url(alert, "edit", alert.pk)))
    assert [level for level, _ in items] == ["error"]
    assert items[0][1].startswith("The phone number 400-123-4567 is not an official contact.")


def review_queue(client):
    html = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    return html.select_one("#consumer-protection-review-queue-section")


def test_reviewer_dashboard_lists_the_queue_with_pre_check_results(client, editor, reviewer, articles_en):
    client.force_login(editor)
    paragraph = 'Scammers promise “guaranteed returns”. <a href="http://example.org/">Read more</a>'
    audience = Audience.objects.filter(locale=articles_en.locale)[:1]
    data = article_form("Zorbex queue", "zorbex-queue", paragraph, audience, action="submit")
    client.post(create_article_url(articles_en), data)
    assert review_queue(client) is None  # editors review nothing

    client.force_login(reviewer)
    row = next(row for row in review_queue(client).select("tbody tr") if "Zorbex queue" in row.get_text())
    result = row.select_one("[data-pre-check]")
    assert " ".join(result.get_text().split()).startswith("0 errors, 2 warnings")
    assert "The link http://example.org/ does not use HTTPS." in [item.get_text() for item in result.select("li")]
