"""A rejected filter or search (400) says so in an alert that screen readers announce."""

import pytest

from articles.models import ArticleIndexPage

pytestmark = pytest.mark.django_db


def test_invalid_filter_answers_with_an_announced_error(client, page_of):
    response = client.get(page_of(ArticleIndexPage, "en").url, {"audience": "not a slug!"})
    assert response.status_code == 400
    html = response.content.decode()
    assert '<div role="alert">' in html and "audience" in html.split('<div role="alert">')[1]
