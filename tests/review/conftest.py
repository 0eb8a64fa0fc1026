"""Fixtures for the review tests: the seeded demo users and the article section they work in."""

import pytest

from articles.models import ArticleIndexPage

from .admin_helpers import demo_user


@pytest.fixture
def editor():
    return demo_user("editor")


@pytest.fixture
def reviewer():
    return demo_user("reviewer")


@pytest.fixture
def articles_zh(page_of):
    return page_of(ArticleIndexPage, "zh-hans")


@pytest.fixture
def articles_en(page_of):
    return page_of(ArticleIndexPage, "en")


@pytest.fixture(autouse=True)
def english_messages():
    """The assertions read the English wording of the checks; Chinese is the site's default."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def client():
    from django.test import Client

    return Client(HTTP_ACCEPT_LANGUAGE="en")
