"""The everyday query set (``everyday_queries.json``) and its measure.

A query counts as answered when one of its expected pages (by slug) or alerts (by title) is
among the first three results of the public search page, as a visitor sees it.
"""

import html
import json
import re
from pathlib import Path

from django.core.cache import caches
from wagtail.models import Page

QUERIES = json.loads((Path(__file__).parent / "everyday_queries.json").read_text())["queries"]
RESULTS = re.compile(r'<ol class="results">(.*?)</ol>', re.S)
RESULT_LINK = re.compile(r'<h3><a href="([^"]+)">([^<]*)</a></h3>')


def top_three(client, item):
    """(url, title) of the first three results for ``item``'s query, in its language."""
    caches["limits"].clear()  # the search is rate limited per address; this measures relevance
    prefix = "/en" if item["language"] == "en" else ""
    response = client.get(f"{prefix}/search/", {"q": item["q"]})
    assert response.status_code == 200, (item["q"], response.status_code)
    listing = RESULTS.search(response.content.decode())
    links = RESULT_LINK.findall(listing.group(1)) if listing else []
    return [(url, html.unescape(title)) for url, title in links[:3]]


def answered(client, item):
    pages = Page.objects.live().filter(slug__in=item["expect"], locale__language_code=item["language"])
    wanted = {page.url for page in pages} | set(item["expect"])
    return any(url in wanted or title in wanted for url, title in top_three(client, item))


def share_answered(client):
    """(share of queries answered, the queries that were not)."""
    missed = [item["q"] for item in QUERIES if not answered(client, item)]
    return 1 - len(missed) / len(QUERIES), missed
