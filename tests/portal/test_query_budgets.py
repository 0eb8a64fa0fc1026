"""SQL query budgets per page type on the seeded demo (ARCHITECTURE.md section 11).

Listings and the home page: at most 20 queries; detail pages: at most 15.
A failure here means an N+1 crept in: fix the query, don't raise the number.
"""

import pytest

from articles.models import ArticleIndexPage, ArticlePage
from campaigns.models import CampaignIndexPage, CampaignPage, EventIndexPage, EventPage, FilmIndexPage, FilmPage
from portal.models import AlertIndexPage, AudiencePage, HomePage, StandardPage

pytestmark = pytest.mark.django_db

BUDGETS = [
    (HomePage, 20), (AudiencePage, 20), (AlertIndexPage, 20), (CampaignIndexPage, 20), (EventIndexPage, 20),
    (FilmIndexPage, 20), (ArticleIndexPage, 20),
    (StandardPage, 15), (CampaignPage, 15), (EventPage, 15), (FilmPage, 15), (ArticlePage, 15),
]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize("model, budget", BUDGETS, ids=lambda value: getattr(value, "__name__", str(value)))
def test_query_budget(client, page_of, django_assert_max_num_queries, model, budget, language):
    page = page_of(model, language)
    client.get(page.url)  # first request creates image renditions; the budget is for a steady state
    with django_assert_max_num_queries(budget):
        response = client.get(page.url)
    assert response.status_code == 200
