"""The admin in Chinese: on the editor's path nothing the project or Wagtail defines is left in English.

An editor whose admin language is zh-hans opens the pages an editor's day visits (dashboard,
explorer, the add and edit form of every page type, the alert snippet, the snippet listings, the
image chooser and upload form); every string on them (``admin_text.admin_strings``: text,
labels, tooltips, and the block definitions and menus packed as JSON) is checked for English
words. What editors wrote (titles, names, usernames) is content, not interface, and is taken out
first. The same pages in an English editor's admin say it in English.
"""

import json
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Workflow
from wagtail.users.models import UserProfile

from alerts.models import AlertIndexPage, FraudAlert
from articles.models import ArticleIndexPage, ArticlePage
from articles.quizzes import QuizPage
from campaigns.models import CampaignIndexPage, CampaignPage, EventIndexPage, EventPage, FilmIndexPage, FilmPage
from foundation.models import Audience
from portal.models import AudiencePage, HomePage, StandardPage
from portal.models.reporting import ReportFormPage
from review.classifier import corpus
from review.models import ClaimExample, OfficialContact
from tests.portal.admin_text import admin_strings, english_words
from tests.review.admin_helpers import alert_form, snippet_url

pytestmark = pytest.mark.django_db

INDEX_TYPES = [HomePage, ArticleIndexPage, CampaignIndexPage, EventIndexPage, FilmIndexPage, AlertIndexPage]
PAGE_TYPES = [ArticlePage, QuizPage, CampaignPage, EventPage, FilmPage, StandardPage, AudiencePage, ReportFormPage]


def editor_in(language, client, username="editor"):
    user = get_user_model().objects.get(username=username)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return client


def content_strings():
    """What editors and the demo wrote, in every locale: exempt from the check, longest first."""
    strings = [
        *Page.objects.values_list("title", flat=True),
        *FraudAlert.objects.values_list("title", flat=True),
        *Audience.objects.values_list("name", flat=True),
        *OfficialContact.objects.values_list("name", flat=True),
        *ClaimExample.objects.values_list("text", flat=True),
        *(example.text for example in corpus()),  # pre-check findings quote the labelled examples
        *get_image_model().objects.values_list("title", flat=True),
        *get_document_model().objects.values_list("title", flat=True),
        *(Path(name).name for name in get_document_model().objects.values_list("file", flat=True)),
        *OfficialContact.objects.values_list("value", flat=True),
        *get_user_model().objects.values_list("username", flat=True),
    ]
    return sorted({s for s in strings if s}, key=len, reverse=True)


def zh_page(model):
    return model.objects.filter(locale__language_code="zh-hans").first()


def editor_path():
    """The admin URLs an editor visits in a day, named for the failure message."""
    urls = {
        "dashboard": reverse("wagtailadmin_home"),
        "explorer": reverse("wagtailadmin_explore_root"),
        "images": reverse("wagtailimages:index"),
        "image upload": reverse("wagtailimages:add_multiple"),
        "image chooser": reverse("wagtailimages_chooser:choose"),
        "alert add": reverse(FraudAlert.snippet_viewset.get_url_name("add")),
        "alert edit": reverse(
            FraudAlert.snippet_viewset.get_url_name("edit"), args=[FraudAlert.objects.filter(locale__language_code="zh-hans").first().pk]
        ),
        "alert listing": reverse(FraudAlert.snippet_viewset.get_url_name("list")),
        "image edit": reverse("wagtailimages:edit", args=[get_image_model().objects.first().pk]),
        "document chooser": reverse("wagtaildocs_chooser:choose"),
        "page chooser": reverse("wagtailadmin_choose_page"),
        "audience chooser": reverse(Audience.snippet_viewset.chooser_viewset.get_url_name("choose")),
        "contact chooser": reverse(OfficialContact.snippet_viewset.chooser_viewset.get_url_name("choose")),
    }
    for model in INDEX_TYPES:
        urls[f"{model._meta.model_name} edit"] = reverse("wagtailadmin_pages:edit", args=[zh_page(model).pk])
    for model in PAGE_TYPES:
        name = model._meta.model_name
        page = zh_page(model)
        urls[f"{name} edit"] = reverse("wagtailadmin_pages:edit", args=[page.pk])
        if model is not ReportFormPage:  # one per site: the demo's is there already
            urls[f"{name} add"] = reverse("wagtailadmin_pages:add", args=[model._meta.app_label, name, page.get_parent().pk])
        urls[f"{name} explorer"] = reverse("wagtailadmin_explore", args=[page.get_parent().pk])
    return urls


def page_html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    if response["Content-Type"].startswith("application/json"):
        return json.loads(response.content)["html"]
    return response.content.decode()


def submitted_alert(client):
    """An alert the editor submitted for review, waiting for the reviewers."""
    audiences = Audience.objects.filter(locale__language_code="zh-hans")[:1]
    form = alert_form("Zorbex 退保预警", "我们不会收取任何费用。客服热线 95511。", audiences, action="submit")
    assert client.post(snippet_url(FraudAlert, "add") + "?locale=zh-hans", form).status_code == 302
    return FraudAlert.objects.get(title="Zorbex 退保预警")


def strings_on(client, url):
    return "\n".join(admin_strings(page_html(client, url)))


def assert_no_english(client, urls):
    exempt = content_strings()
    found = {}
    for name, url in urls.items():
        for text in admin_strings(page_html(client, url)):
            if words := english_words(text, exempt):
                found.setdefault(text, (name, words))
    report = "\n".join(f"{name}: {text!r} {words}" for text, (name, words) in sorted(found.items(), key=lambda i: i[1][0]))
    assert not found, f"{len(found)} English strings in the Chinese admin:\n{report}"


def test_the_editors_path_has_no_english_in_the_chinese_admin(client):
    editor_in("zh-hans", client)
    assert_no_english(client, editor_path())


def test_an_alert_in_review_has_no_english_in_the_chinese_admin(client):
    """Its status, the dashboard's workflow panel, the flash message and the history name the workflow in Chinese."""
    editor_in("zh-hans", client)
    alert = submitted_alert(client)
    assert_no_english(client, {
        "dashboard": reverse("wagtailadmin_home"),  # with the "submitted for moderation" message
        "alert in review": snippet_url(alert, "edit", alert.pk),
        "workflow history": snippet_url(alert, "workflow_history", alert.pk),
        "history": snippet_url(alert, "history", alert.pk),
    })
    history = strings_on(client, snippet_url(alert, "history", alert.pk))
    assert "“消费者权益保护审查”已启动" in history


def test_the_reviewers_desk_has_no_english_in_the_chinese_admin(client):
    editor_in("zh-hans", client)
    alert = submitted_alert(client)
    editor_in("zh-hans", client, username="reviewer")
    assert_no_english(client, {
        "dashboard": reverse("wagtailadmin_home"),
        "alert to review": snippet_url(alert, "edit", alert.pk),
        "workflow report": reverse("wagtailadmin_reports:workflow"),
        "workflow tasks report": reverse("wagtailadmin_reports:workflow_tasks"),
    })
    assert "审核人审批" in strings_on(client, reverse("wagtailadmin_reports:workflow"))


def test_block_labels_workflow_names_and_alt_text_are_in_the_chinese_admin(client):
    """The words the heuristic must not miss are there, in Chinese: they are read, not merely absent."""
    editor_in("zh-hans", client)
    urls = editor_path()
    edit = strings_on(client, urls["articlepage edit"])
    for label in ("提示框", "标题", "官方联系方式", "风险信号", "问答", "图片替代文字", "提交给消费者权益保护审查"):
        assert label in edit
    assert "图片替代文字" in strings_on(client, urls["image edit"])
    in_review = strings_on(client, snippet_url(FraudAlert, "edit", submitted_alert(client).pk))
    assert "审核人审批" in in_review and "Reviewer approval" not in in_review


def test_an_editor_with_an_english_admin_reads_it_all_in_english(client):
    editor_in("en", client)
    urls = editor_path()
    edit = strings_on(client, urls["articlepage edit"])
    for label in ("Callout", "Heading", "Official contact", "Warning sign", "Submit to Consumer-protection review"):
        assert label in edit
    assert "提示框" not in edit and "提交给" not in edit
    assert "Alt text" in strings_on(client, urls["image edit"])
    in_review = strings_on(client, snippet_url(FraudAlert, "edit", submitted_alert(client).pk))
    assert "Reviewer approval" in in_review and "审核人审批" not in in_review


def test_workflow_names_are_stored_in_english_whoever_saves_them():
    """A Chinese administrator saving the workflow form unchanged (its name shown translated) keeps the stored name."""
    workflow = Workflow.objects.get(name="Consumer-protection review")
    with translation.override("zh-hans"):
        assert str(workflow.name) == "消费者权益保护审查"
        workflow.name = "消费者权益保护审查"
        workflow.save()
    assert Workflow.objects.filter(name="Consumer-protection review").exists()
    workflow.name = "Renamed review"
    workflow.save()
    assert Workflow.objects.get(pk=workflow.pk).name == "Renamed review"
