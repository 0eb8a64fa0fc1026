"""Quizzes: scored on the server from a plain form, anonymous counts, hostile submissions refused."""

import re

import pytest
from django.test import Client

from articles.models import ArticleIndexPage
from articles.quizzes import QuizAnswerCount, QuizPage

pytestmark = pytest.mark.django_db


def form_of(html):
    """The form's single-use token, and the option values offered for each question field."""
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    questions = {}
    for name, value in re.findall(r'type="radio" name="(question-[^"]+)" value="([^"]+)"', html):
        questions.setdefault(name, []).append(value)
    return token, questions


def answers(quiz, right=True):
    """``{field name: option id}`` choosing the right (or the first wrong) option of every question."""
    chosen = {}
    for question in quiz.questions:
        options = question.value["options"].bound_blocks
        pick = next(option for option in options if option.value["correct"] == right)
        chosen["question-" + question.id] = pick.id
    return chosen


@pytest.fixture
def quiz(page_of):
    return page_of(QuizPage, "en")


def start(client, quiz):
    response = client.get(quiz.url)
    assert response.status_code == 200
    return form_of(response.content.decode())


def test_the_quiz_is_a_plain_form(client, quiz):
    html = client.get(quiz.url).content.decode()
    token, questions = start(client, quiz)
    assert '<form class="quiz-form" method="post"' in html and "csrfmiddlewaretoken" in html
    assert len(questions) == len(quiz.questions) == 4
    assert all(2 <= len(options) <= 5 for options in questions.values())
    assert "<legend" in html  # each question is a fieldset with its question as the legend


def test_all_right(client, quiz):
    token, _ = start(client, quiz)
    response = client.post(quiz.url, {"form_token": token, **answers(quiz)})
    assert response.status_code == 200
    html = response.content.decode()
    assert "You got 4 of 4 questions right." in html
    assert "96110 is the national anti-fraud hotline" in html  # the explanations
    assert "/en/articles/fake-surrender-refund-agents/" in html  # related articles


def test_all_wrong_shows_the_right_answers(client, quiz):
    token, _ = start(client, quiz)
    html = client.post(quiz.url, {"form_token": token, **answers(quiz, right=False)}).content.decode()
    assert "You got 0 of 4 questions right." in html
    assert html.count("The right answer:") == 4


def test_answers_are_counted_anonymously(client, quiz):
    chosen = answers(quiz)
    for _ in range(2):
        token, _unused = start(client, quiz)
        client.post(quiz.url, {"form_token": token, **chosen})
    counts = {(row.question_id, row.option_id): row.count for row in QuizAnswerCount.objects.filter(page=quiz)}
    assert counts == {(name.removeprefix("question-"), option): 2 for name, option in chosen.items()}
    assert not hasattr(QuizAnswerCount, "session") and not hasattr(QuizAnswerCount, "ip_address")


def test_missing_answers_are_a_validation_message(client, quiz):
    token, _ = start(client, quiz)
    chosen = answers(quiz)
    chosen.popitem()
    response = client.post(quiz.url, {"form_token": token, **chosen})
    assert response.status_code == 400
    assert "Choose an answer to this question." in response.content.decode()
    assert not QuizAnswerCount.objects.filter(page=quiz).exists()


def test_forged_option_values_are_refused(client, quiz):
    token, _ = start(client, quiz)
    chosen = answers(quiz)
    first = next(iter(chosen))
    for forged in ["not-an-option", "' OR 1=1 --", "", "x" * 5000]:
        response = client.post(quiz.url, {"form_token": token, **chosen, first: forged})
        assert response.status_code == 400
    assert not QuizAnswerCount.objects.filter(page=quiz).exists()


def test_a_replayed_submission_is_refused_and_not_counted_twice(client, quiz):
    token, _ = start(client, quiz)
    data = {"form_token": token, **answers(quiz)}
    assert client.post(quiz.url, data).status_code == 200
    replay = client.post(quiz.url, data)
    assert replay.status_code == 400
    assert "already sent" in replay.content.decode()
    assert set(QuizAnswerCount.objects.filter(page=quiz).values_list("count", flat=True)) == {1}


@pytest.mark.parametrize("token", ["", "forged", "a" * 600])
def test_forged_or_missing_tokens_are_refused(client, quiz, token):
    response = client.post(quiz.url, {"form_token": token, **answers(quiz)})
    assert response.status_code == 400
    assert "expired" in response.content.decode()


def test_a_token_for_another_quiz_is_refused(client, page_of, quiz):
    other_token, _ = start(client, page_of(QuizPage, "zh-hans"))
    assert client.post(quiz.url, {"form_token": other_token, **answers(quiz)}).status_code == 400


def test_csrf_is_enforced(quiz):
    client = Client(enforce_csrf_checks=True)
    token, _ = start(client, quiz)
    assert client.post(quiz.url, {"form_token": token, **answers(quiz)}).status_code == 403


def test_validation_messages_are_in_the_visitors_language(client, page_of):
    quiz = page_of(QuizPage, "zh-hans")
    token, _ = start(client, quiz)
    chosen = answers(quiz)
    chosen[next(iter(chosen))] = "forged"
    html = client.post(quiz.url, {"form_token": token, **chosen}).content.decode()
    assert "防骗知识小测验" in html
    assert "选择一个有效的选项" in html and "Select a valid choice" not in html


def test_editors_see_the_counts(admin_client, client, quiz):
    token, _ = start(client, quiz)
    client.post(quiz.url, {"form_token": token, **answers(quiz)})
    html = admin_client.get(f"/admin/pages/{quiz.pk}/edit/").content.decode()
    panel = html[html.index('class="quiz-answer-counts"'):]
    assert quiz.questions[0].value["question"] in panel and panel.count("(100%)") == 4


def test_quizzes_are_listed_in_the_article_section(client, page_of, quiz):
    assert f'href="{quiz.url}"' in client.get(page_of(ArticleIndexPage, "en").url).content.decode()


def test_the_api_does_not_give_the_answers_away(client, quiz):
    data = client.get(f"/api/v2/pages/{quiz.pk}/").json()
    assert data["question_count"] == 4 and "questions" not in data
