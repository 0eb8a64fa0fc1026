"""Reviewers teach the pre-check through the real admin views: dismiss → not raised again; confirm → retrained."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry

from articles.models import ArticlePage
from foundation.models import Audience
from review import classifier
from review.models import ClaimExample, DismissedFinding

from .admin_helpers import XHR, article_form, create_article_url, edit_page_url

pytestmark = pytest.mark.django_db

CLAIM = "这款产品就是高息存款，比存银行划算多了，本金一分不会少。"


@pytest.fixture
def draft(client, editor, articles_zh):
    client.force_login(editor)
    audience = Audience.objects.filter(locale=articles_zh.locale)[:1]
    client.post(create_article_url(articles_zh), article_form("金福宝介绍", "jinfubao", CLAIM, audience, action="save"))
    client.logout()
    return ArticlePage.objects.get(slug="jinfubao")


def teach_links(client, page):
    """The teach links on the edit view's checks panel that are about ``CLAIM``, and the panel."""
    response = client.get(edit_page_url(page))
    assert response.status_code == 200
    panel = BeautifulSoup(response.content, "html.parser").select_one("[data-review-checks]")
    links = [item.select_one("a[href*='/review/teach/']") for item in panel.select("li") if "本金一分不会少" in item.get_text()]
    return [link["href"] for link in links if link], panel


def test_a_reviewer_dismisses_a_finding_and_it_is_not_raised_again(client, reviewer, draft):
    client.force_login(reviewer)
    links, panel = teach_links(client, draft)
    assert len(links) == 1
    page = client.get(links[0])
    assert page.status_code == 200 and "本金一分不会少" in page.content.decode()

    response = client.post(links[0], {"verdict": "dismiss"})
    assert response.status_code == 302 and response["Location"] == edit_page_url(draft)
    links, panel = teach_links(client, draft)
    assert links == [] and "本金一分不会少" not in panel.get_text()
    example = ClaimExample.objects.get()
    assert (example.kind, example.created_by) == ("education", reviewer)
    assert DismissedFinding.objects.filter(object_id=str(draft.pk), dismissed_by=reviewer).count() == 1
    entry = ModelLogEntry.objects.get(action="review.finding_dismissed")
    assert entry.user_id == reviewer.pk and "本金一分不会少" in entry.data["sentence"]


def test_a_confirmed_finding_becomes_an_example_and_the_classifier_retrains(
    client, reviewer, draft, django_capture_on_commit_callbacks
):
    before = classifier.current()
    client.force_login(reviewer)
    links, _ = teach_links(client, draft)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(links[0], {"verdict": "confirm"}).status_code == 302
    example = ClaimExample.objects.get()
    assert example.kind in ("deposit_disguise", "deposit_comparison", "guaranteed_return")
    after = classifier.current()
    assert after is not before
    assert any(taught.text == example.text and taught.source == "reviewer" for taught in after.examples)
    assert ModelLogEntry.objects.filter(action="review.finding_confirmed", user_id=reviewer.pk).count() == 1
    assert teach_links(client, draft)[0]  # confirmed findings stay: the page still has to be fixed


def test_an_editor_can_not_teach(client, editor, draft):
    client.force_login(editor)
    links, panel = teach_links(client, draft)
    assert links == [] and "本金一分不会少" in panel.get_text()
    content_type = ContentType.objects.get_for_model(ArticlePage)
    url = f"/admin/review/teach/{content_type.pk}/{draft.pk}/0123abcd/"
    assert client.get(url, **XHR).status_code == 403  # browsers get Wagtail's redirect home with a message
    assert client.post(url, {"verdict": "confirm"}, **XHR).status_code == 403
    assert client.get(url).status_code == 302
    assert not ClaimExample.objects.exists()


def test_bad_teaching_requests_are_4xx(client, reviewer, draft):
    client.force_login(reviewer)
    links, _ = teach_links(client, draft)
    assert client.post(links[0], {"verdict": "maybe"}).status_code == 400
    assert client.get(links[0].rsplit("/", 2)[0] + "/not-a-finding/").status_code == 404
    assert client.get("/admin/review/teach/999999/1/abc/").status_code == 404
    assert not ClaimExample.objects.exists()
