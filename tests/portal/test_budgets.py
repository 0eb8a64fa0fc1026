"""Deterministic page budgets: HTML weight, CSS/JS weight, no third-party requests, sized responsive images."""

import gzip
import re
from pathlib import Path

import pytest

from tests.portal.test_pages import PAGE_TYPES

pytestmark = pytest.mark.django_db

STATIC = Path(__file__).resolve().parents[2] / "portal/static/portal"
DETAIL_TYPES = [model for model in PAGE_TYPES if "Index" not in model.__name__ and model.__name__ != "HomePage"]


def gzipped_size(paths):
    return sum(len(gzip.compress(path.read_bytes(), compresslevel=9)) for path in paths)


def test_css_and_js_stay_small():
    assert gzipped_size(STATIC.glob("css/*.css")) <= 30 * 1024
    assert gzipped_size(STATIC.glob("js/*.js")) <= 20 * 1024


@pytest.mark.parametrize("model", DETAIL_TYPES, ids=lambda model: model.__name__)
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_detail_pages_weigh_at_most_60_kb(client, page_of, model, language):
    assert len(client.get(page_of(model, language).url).content) <= 60 * 1024


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_no_resource_from_another_host_before_interaction(client, page_of, model):
    html = client.get(page_of(model, "en").url).content.decode()
    loads = re.findall(r'<(?:script|img|iframe|source|video|audio|track)[^>]+\b(?:src|srcset|poster)="([^"]+)"', html)
    loads += re.findall(r'<link[^>]+rel="(?:stylesheet|preload|icon|modulepreload)"[^>]*href="([^"]+)"', html)
    external = [url for url in loads if re.match(r"(https?:)?//", url) and "testserver" not in url]
    assert not external, external
    assert "<iframe" not in html  # players only after a click


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_images_are_sized_webp_renditions(client, page_of, model):
    html = client.get(page_of(model, "zh-hans").url).content.decode()
    for tag in re.findall(r"<img\b[^>]*>", html):
        if 'src="/static/' in tag:
            continue  # the logo: an SVG with its size set
        assert 'width="' in tag and 'height="' in tag, tag
        assert ".webp" in tag, tag
