"""The database search through the public search page, with no engine configured (the demo's default)."""

import re

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from alerts.models import FraudAlert
from articles.models import ArticlePage
from search.models import IndexQueueItem, SearchEntry
from search.queue import drain_all

from .conftest import CLOSED_PORT_URL

pytestmark = pytest.mark.django_db

REFUND_ALERT = "警惕冒充保险公司的“退保专员”"


@pytest.fixture(autouse=True)
def no_engine(use_engine):
    use_engine("")


def result_titles(response):
    assert response.status_code == 200
    listing = re.search(r'<ol class="results">(.*?)</ol>', response.content.decode(), re.S).group(1)
    return re.findall(r"<h3><a href=\"[^\"]+\">([^<]*)</a></h3>", listing)


def test_a_word_inside_the_text_finds_the_alert_and_the_case_study(client):
    titles = result_titles(client.get("/search/?q=专员"))
    assert titles[0] == REFUND_ALERT
    assert "以案说险：“代理退保”骗局" in titles
    html = client.get("/search/?q=理性投保").content.decode()
    assert "<mark>理性投保</mark>" in html
    assert "temporarily unavailable" not in html  # no engine configured is not an outage


def test_alert_results_link_to_the_alert(client):
    alert = FraudAlert.objects.get(title=REFUND_ALERT)
    assert f'href="/alerts/{alert.pk}/"' in client.get("/search/?q=退保专员").content.decode()


def test_english_words_match_from_their_start_and_numbers_whole(client):
    assert "Case study: fake surrender-refund agents" in result_titles(client.get("/en/search/?q=agent"))
    assert "2026 3.15 consumer-rights education week" in result_titles(client.get("/en/search/?q=3.15"))
    assert result_titles(client.get("/en/search/?q=31")) == []  # 3.15 is not 31


def test_facets_count_what_each_filter_gives(client):
    html = client.get("/search/?q=诈骗").content.decode()
    assert 'class="facets"' in html
    for kind, count in re.findall(r'href="\?q=%E8%AF%88%E9%AA%97&amp;type=(\w+)">[^<]*<span class="facet__count">\((\d+)\)', html):
        narrowed = client.get(f"/search/?q=诈骗&type={kind}").content.decode()
        assert re.search(r'<h2 id="results-heading"><span role="status">\D*(\d+)', narrowed).group(1) == count, kind
    only_alerts = result_titles(client.get("/search/?q=诈骗&type=alert&year=2026"))
    assert only_alerts and set(only_alerts) <= set(FraudAlert.objects.values_list("title", flat=True))


def test_unpublished_and_private_pages_leave_the_results(client, page_of):
    article = page_of(ArticlePage, "zh-hans", slug="fake-surrender-refund-agents")
    other = page_of(ArticlePage, "zh-hans", slug="cooling-off-period")
    assert {article.title, other.title} <= set(result_titles(client.get("/search/?q=退保")))
    article.unpublish()
    PageViewRestriction.objects.create(page=other, restriction_type="login")
    drain_all()
    titles = result_titles(client.get("/search/?q=退保"))
    assert article.title not in titles and other.title not in titles
    assert not SearchEntry.objects.filter(kind="page", object_id__in=[article.pk, other.pk]).exists()


def test_the_database_search_stays_current_while_the_engine_is_down(client, use_engine, page_of):
    use_engine(CLOSED_PORT_URL)
    article = page_of(ArticlePage, "en", slug="fake-surrender-refund-agents")
    article.unpublish()
    _done, failed = drain_all()
    assert failed and IndexQueueItem.objects.filter(object_id=article.pk, done_at__isnull=True).exists()
    response = client.get("/en/search/?q=refund")
    assert "temporarily unavailable" in response.content.decode()
    assert article.title not in result_titles(response)


def test_a_new_alert_is_found_once_published(client):
    alert = FraudAlert.objects.get(title=REFUND_ALERT)
    alert.unpublish()
    drain_all()
    assert REFUND_ALERT not in result_titles(client.get("/search/?q=专员"))
    alert.save_revision().publish()
    drain_all()
    assert REFUND_ALERT in result_titles(client.get("/search/?q=专员"))


def test_rebuild_without_an_engine_rewrites_the_entries(client):
    SearchEntry.objects.all().delete()
    assert result_titles(client.get("/search/?q=专员")) == []
    call_command("search_rebuild", stdout=open("/dev/null", "w"))
    assert REFUND_ALERT in result_titles(client.get("/search/?q=专员"))


def test_a_long_pasted_query_is_answered(client):
    response = client.get("/search/", {"q": "退保 " * 60})
    assert response.status_code == 200
