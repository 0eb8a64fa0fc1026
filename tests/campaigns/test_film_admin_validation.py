"""An unknown or malformed provider URL is a validation error when a film is saved."""

import pytest
from django.core.exceptions import ValidationError

from campaigns.models import FilmPage

pytestmark = pytest.mark.django_db


def test_film_with_unknown_provider_fails_validation(page_of):
    film = page_of(FilmPage, slug="the-refund-call")
    film.video_url = "https://example.com/watch/123"
    with pytest.raises(ValidationError) as error:
        film.full_clean()
    assert "video_url" in error.value.message_dict


def test_film_needs_exactly_one_source(page_of):
    film = page_of(FilmPage, slug="anti-fraud-short")
    film.video_url = "https://youtu.be/aqz-KE-bpKQ"
    with pytest.raises(ValidationError):
        film.full_clean()
    film.video_url, film.video_file = "", None
    with pytest.raises(ValidationError):
        film.full_clean()


def test_case_study_requires_its_sections(page_of):
    from articles.models import ArticlePage

    article = page_of(ArticlePage, slug="fake-surrender-refund-agents")
    article.red_flags = ""
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "red_flags" in error.value.message_dict


def test_campaign_cannot_end_before_it_starts(page_of):
    import datetime

    from campaigns.models import CampaignPage

    campaign = page_of(CampaignPage)
    campaign.end_date = campaign.start_date - datetime.timedelta(days=1)
    with pytest.raises(ValidationError):
        campaign.full_clean()
