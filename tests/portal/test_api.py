"""The read-only API v2 serves every page type's api_fields; bad parameters are a 400."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "page_type, field",
    [("articles.ArticlePage", "topic_names"), ("campaigns.FilmPage", "provider"), ("campaigns.CampaignPage", "status"),
     ("campaigns.EventPage", "start"), ("portal.AudiencePage", "audience_slug"), ("portal.HelpPage", "situations")],
)
def test_api_serves_page_fields(client, page_type, field):
    response = client.get(f"/api/v2/pages/?type={page_type}&fields=*&limit=2")
    assert response.status_code == 200
    items = response.json()["items"]
    assert items and all(field in item for item in items)
    assert all("listing_image_thumbnail" in item for item in items)


@pytest.mark.parametrize("query", ["limit=abc", "type=nope.Nope", "order=password", "fields=secret"])
def test_api_rejects_bad_parameters(client, query):
    assert client.get(f"/api/v2/pages/?{query}").status_code == 400
