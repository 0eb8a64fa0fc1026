"""Every public URL pattern survives hostile input: no 5xx (bench/fuzz.py runs many more examples)."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings

from tests.portal.test_pages import PAGE_TYPES

from .hostile import request_plans, send

pytestmark = pytest.mark.django_db


def demo_page_urls():
    urls = []
    for model in PAGE_TYPES:
        page = model.objects.live().first()
        urls.append(page.url)
    return urls


@pytest.fixture
def page_urls():
    return demo_page_urls()


def test_hostile_requests_never_5xx(page_urls):
    client = Client(raise_request_exception=False)

    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    @given(plan=request_plans(page_urls))
    def run(plan):
        response = send(client, plan)
        assert response.status_code < 500, (plan, response.status_code)

    run()
