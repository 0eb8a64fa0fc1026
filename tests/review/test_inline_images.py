"""One rich-text policy for the site: images inside any rich text (case-study fields too) need alt text."""

import pytest
from django.conf import settings

from articles.models import ArticlePage
from review.checks import run_checks

pytestmark = pytest.mark.django_db


def image_embed(alt):
    return f'<p>Seen on the leaflet:</p><embed alt="{alt}" embedtype="image" format="left" id="1"/>'


def alt_text_errors(page):
    return [issue.message for issue in run_checks(page).errors if "alt text" in issue.message]


def test_an_image_in_a_case_study_field_without_alt_text_is_an_error(page_of):
    page = page_of(ArticlePage, "en")
    page.what_happened = image_embed("")
    assert len(alt_text_errors(page)) == 1


def test_an_image_in_a_case_study_field_with_alt_text_passes(page_of):
    page = page_of(ArticlePage, "en")
    page.what_happened = image_embed("A leaflet promising guaranteed refunds")
    assert alt_text_errors(page) == []


def test_every_rich_text_uses_the_site_policy():
    features = settings.WAGTAILADMIN_RICH_TEXT_EDITORS["default"]["OPTIONS"]["features"]
    widget_features = ArticlePage._meta.get_field("what_happened").formfield().widget.features
    assert widget_features == features
    assert "image" in features and "h2" not in features
