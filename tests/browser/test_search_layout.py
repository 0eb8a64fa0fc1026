"""The search results on a desktop: beside the facets when there are some, the whole width when not."""

import pytest

from tests.browser.conftest import DESKTOP

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Filters alone list results without recording a query; a year with no content has no facets.
NO_FACETS = "/search/?year=2001"
WITH_FACETS = "/search/?type=article"


def results_box(page):
    return page.locator(".search-results").bounding_box()


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_results_take_the_width_when_there_are_no_facets(visit, prefix):
    page = visit(prefix + NO_FACETS, viewport="desktop")
    assert page.locator(".facets").count() == 0
    width = results_box(page)["width"]
    assert width > DESKTOP["width"] / 2, f"the results column is {width}px wide in a {DESKTOP['width']}px window"


def test_results_stand_beside_the_facets(visit):
    page = visit(WITH_FACETS, viewport="desktop")
    facets, results = page.locator(".facets").bounding_box(), results_box(page)
    assert facets["x"] + facets["width"] <= results["x"], "the facets are not beside the results"
    assert results["width"] > DESKTOP["width"] / 2
