import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
COUNTED = [
    "wagtailcore.Page", "wagtailcore.Locale", "wagtailimages.Image", "wagtaildocs.Document", "foundation.Audience",
    "review.OfficialContact", "alerts.FraudAlert", "auth.User", "taggit.Tag",
]


def counts():
    return {label: apps.get_model(label).objects.count() for label in COUNTED}


def test_seed_demo_twice_creates_nothing_twice():
    before = counts()
    call_command("seed_demo", stdout=open(os.devnull, "w"))
    assert counts() == before


def test_demo_has_the_promised_content():
    from alerts.models import FraudAlert
    from articles.models import ArticlePage
    from campaigns.models import CampaignPage, FilmPage

    for language in ("zh-hans", "en"):
        assert ArticlePage.objects.live().filter(locale__language_code=language).count() >= 12
        films = FilmPage.objects.live().filter(locale__language_code=language)
        assert {film.provider for film in films} >= {"bilibili", "tencent", "youku", "youtube", "vimeo", "self-hosted"}
        campaigns = CampaignPage.objects.live().filter(locale__language_code=language)
        assert {c.status for c in campaigns} == {"live", "past", "upcoming"}
        assert {c.kind for c in campaigns} >= {"consumer-rights-week", "insurance-day", "education-month"}
        alerts = FraudAlert.objects.filter(locale__language_code=language)
        assert alerts.active().count() == 3
        assert alerts.past().count() == 2


def test_seed_demo_is_refused_under_production_settings():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.production", "SECRET_KEY": "a-long-random-production-secret-key-0123456789-abcdefghij",
           "ALLOWED_HOSTS": "example.com", "DATABASE_URL": "sqlite:////tmp/never-created.sqlite3"}
    result = subprocess.run([sys.executable, "manage.py", "seed_demo"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "refused under production settings" in result.stderr
