"""SQL query budgets per page type on the seeded demo (the README's performance section).

The issue's ceilings are 20 queries for listings and the home page and 15 for detail pages;
the budgets here are tighter, near what the pages take now (routing in two queries, listings
built from other pages cached as fragments), so a regression shows long before the ceiling.
A failure here means an N+1 crept in: fix the query, don't raise the number.
"""

import pytest

from alerts.models import AlertIndexPage
from articles.models import ArticleIndexPage, ArticlePage, QuizPage
from campaigns.models import CampaignIndexPage, CampaignPage, EventIndexPage, EventPage, FilmIndexPage, FilmPage
from portal.models import AudiencePage, HelpPage, HomePage, ReportFormPage, StandardPage

pytestmark = pytest.mark.django_db

BUDGETS = [
    (HomePage, 4), (AudiencePage, 13), (AlertIndexPage, 10), (CampaignIndexPage, 8), (EventIndexPage, 8),
    (FilmIndexPage, 8), (ArticleIndexPage, 10),
    (StandardPage, 4), (CampaignPage, 6), (EventPage, 7), (FilmPage, 6), (ArticlePage, 7), (QuizPage, 4),
    (ReportFormPage, 5), (HelpPage, 4),
]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize("model, budget", BUDGETS, ids=lambda value: getattr(value, "__name__", str(value)))
def test_query_budget(client, page_of, django_assert_max_num_queries, model, budget, language):
    page = page_of(model, language)
    client.get(page.url)  # first request creates image renditions; the budget is for a steady state
    with django_assert_max_num_queries(budget):
        response = client.get(page.url)
    assert response.status_code == 200
