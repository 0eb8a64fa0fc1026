"""Item 4 of issue 14: rate limits and single-use tokens survive any traffic; the page cache stays bounded.

The default cache here is made small (as any cache is, eventually): on main, flooding pages with
``?page=01``, ``?page=001``… evicted the rate-limit counters and the used form tokens from it.
"""

import pytest
from django.test import Client
from wagtail.contrib.forms.models import FormSubmission

from portal.models import ReportFormPage
from tests.portal.test_report_form import valid_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_page_cache(settings, one_window):
    settings.PAGE_CACHE_SECONDS = 300
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "flood",
                    "OPTIONS": {"MAX_ENTRIES": 30}},
    }


def flood(count=120):
    """Anonymous requests for as many spellings of one listing page as ``count``, and made-up filters."""
    visitor = Client()
    for zeros in range(count):
        visitor.get(f"/en/articles/?page={'0' * zeros}1")
        visitor.get(f"/en/articles/?audience=zorbex-{zeros}")


def test_flooding_the_page_cache_does_not_let_a_sixth_report_through(small_page_cache, page_of):
    page = page_of(ReportFormPage, "en")
    client = Client()
    statuses = [client.post(page.url, valid_report(client, page)).status_code for _ in range(5)]
    assert statuses == [200] * 5
    flood()
    assert client.post(page.url, valid_report(client, page)).status_code == 429
    assert FormSubmission.objects.filter(page=page).count() == 5


def test_flooding_the_page_cache_does_not_let_a_replayed_report_be_stored_twice(small_page_cache, page_of):
    page = page_of(ReportFormPage, "en")
    client = Client()
    data = valid_report(client, page)
    assert client.post(page.url, data).status_code == 200
    flood()
    replay = client.post(page.url, data)
    assert replay.status_code == 400 and "already sent" in replay.content.decode()
    assert FormSubmission.objects.filter(page=page).count() == 1


def test_spellings_of_one_page_number_are_one_entry(settings, client):
    settings.PAGE_CACHE_SECONDS = 300
    assert client.get("/en/articles/")["X-Page-Cache"] == "miss"
    for spelling in ("?page=1", "?page=01", "?page=0001", "?page=%2B1"):
        assert client.get(f"/en/articles/{spelling}")["X-Page-Cache"] == "hit", spelling


def test_invalid_or_repeated_parameters_are_not_cached(settings, client):
    settings.PAGE_CACHE_SECONDS = 300
    for query in ("?page=abc", "?year=99999", "?page=0"):
        response = client.get(f"/en/articles/{query}")
        assert "X-Page-Cache" not in response and response.status_code == 400, query
    # Served (the listing reads the last value), but never stored as a variant of its own.
    repeated = client.get("/en/articles/?page=1&page=2")
    assert repeated.status_code in (200, 404) and "X-Page-Cache" not in repeated


def test_the_page_cache_holds_a_bounded_number_of_pages(settings, client):
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_MAX_ENTRIES = 3
    seen = [client.get(f"/en/articles/?audience=zorbex-{index}").get("X-Page-Cache") for index in range(5)]
    assert seen == ["miss", "miss", "miss", None, None]
    assert client.get("/en/articles/?audience=zorbex-0")["X-Page-Cache"] == "hit"


def test_flooding_the_page_cache_does_not_let_a_quiz_replay_count_twice(small_page_cache, page_of):
    """Item 9: quiz counts are not inflatable by replay, whatever traffic evicts from the cache."""
    from articles.quizzes import QuizAnswerCount, QuizPage
    from tests.articles.test_quiz import answers, start

    quiz = page_of(QuizPage, "en")
    client = Client()
    token, _ = start(client, quiz)
    data = {"form_token": token, **answers(quiz)}
    assert client.post(quiz.url, data).status_code == 200
    flood()
    assert client.post(quiz.url, data).status_code == 400
    assert set(QuizAnswerCount.objects.filter(page=quiz).values_list("count", flat=True)) == {1}
