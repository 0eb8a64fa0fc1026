"""Fixtures for the review tests: the seeded demo users and the article section they work in."""

import pytest
from django.contrib.auth import get_user_model

from articles.models import ArticleIndexPage


def demo_user(username):
    return get_user_model().objects.get(username=username)


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
