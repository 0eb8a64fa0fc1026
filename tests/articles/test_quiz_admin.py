"""Editors work on the new page types in the admin: edit and create views, and the question rules."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from articles.models import ArticleIndexPage
from articles.quizzes import QuestionBlock, QuizPage
from portal.models import HomePage, ReportFormPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client):
    client.force_login(get_user_model().objects.get(username="admin"))
    return client


@pytest.mark.parametrize("model", [QuizPage, ReportFormPage], ids=lambda model: model.__name__)
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_admin_edit_view_opens(admin, page_of, model, language):
    assert admin.get(f"/admin/pages/{page_of(model, language).pk}/edit/").status_code == 200


def test_quizzes_are_created_under_the_article_section(admin, page_of):
    index = page_of(ArticleIndexPage, "en")
    assert admin.get(f"/admin/pages/add/articles/quizpage/{index.pk}/").status_code == 200
    assert "articles.QuizPage" in ArticleIndexPage.subpage_types


def test_only_one_report_form_per_home_page(page_of):
    home = page_of(HomePage, "en")
    assert not ReportFormPage.can_create_at(home)  # the demo's is there already


def question(*correct):
    return QuestionBlock().to_python({
        "question": "Which number is the national anti-fraud hotline?", "explanation": "<p>96110.</p>",
        "options": [{"text": f"Option {n}", "correct": flag} for n, flag in enumerate(correct)],
    })


@pytest.mark.parametrize("correct", [(False, False), (True, True, False), (True,), (True,) + (False,) * 5])
def test_a_question_needs_two_to_five_options_and_exactly_one_right(correct):
    with pytest.raises(ValidationError):
        QuestionBlock().clean(question(*correct))


def test_a_well_formed_question_is_accepted():
    value = QuestionBlock().clean(question(False, True, False))
    assert [option["correct"] for option in value["options"]] == [False, True, False]
