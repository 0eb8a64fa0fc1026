"""No lost updates: the index converges on exactly the live public pages, whatever the engine did."""

import datetime
import threading

import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from alerts.models import FraudAlert
from articles.models import ArticleIndexPage, ArticlePage
from foundation.models import ContentPage
from search import indexing
from search.documents import alias_name
from search.models import IndexQueueItem
from search.queries import search_pages
from search.queue import drain_all, pending

from .conftest import CLOSED_PORT_URL

pytestmark = pytest.mark.django_db


def expected_ids():
    """What the index must hold: every live, public content page and every published alert."""
    restricted = indexing.restricted_paths()
    pages = {
        f"page-{page.pk}"
        for page in Page.objects.live().filter(depth__gt=1).specific()
        if isinstance(page, ContentPage) and not any(page.path.startswith(path) for path in restricted)
    }
    return pages | {f"alert-{pk}" for pk in FraudAlert.objects.filter(live=True).values_list("pk", flat=True)}


def test_a_fresh_rebuild_holds_exactly_the_live_public_pages(indexed_ids):
    assert indexed_ids() == expected_ids()


def test_unpublish_publish_and_private_pages_are_synced(es, indexed_ids, page_of):
    article = page_of(ArticlePage, "en", slug="compliant-selling")
    article.unpublish()
    draft = page_of(ArticleIndexPage, "en").add_child(instance=ArticlePage(title="Draft only", slug="draft-only", live=False))
    other = page_of(ArticlePage, "en", slug="cooling-off-period")
    PageViewRestriction.objects.create(page=other, restriction_type="login")
    drain_all(es)
    es.indices.refresh(index=alias_name())
    ids = indexed_ids()
    assert f"page-{article.pk}" not in ids and f"page-{draft.pk}" not in ids and f"page-{other.pk}" not in ids
    assert ids == expected_ids()
    assert "Draft only" not in [hit.title for hit in search_pages(es, "draft", "en", {}).hits]


def test_nothing_is_lost_while_the_engine_is_down(es, engine_url, use_engine, indexed_ids, page_of):
    use_engine(CLOSED_PORT_URL)
    gone = page_of(ArticlePage, "zh-hans", slug="compliant-selling")
    gone.unpublish()
    renamed = page_of(ArticlePage, "zh-hans", slug="cooling-off-period")
    renamed.title = "投保指南：犹豫期（已更新）"
    renamed.save_revision().publish()
    done, failed = drain_all()
    assert done == 0 and failed >= 2
    kept = list(pending(ignore_backoff=True))
    assert kept and all(item.attempts >= 1 and item.next_attempt_at > timezone.now() for item in kept)

    client = use_engine(engine_url)
    assert drain_all(client) == (0, 0)  # still backing off
    drain_all(client, ignore_backoff=True)
    assert not pending(ignore_backoff=True).exists()
    assert indexed_ids() == expected_ids()
    client.indices.refresh(index=alias_name())
    assert "投保指南：犹豫期（已更新）" in [hit.title for hit in search_pages(client, "犹豫期", "zh-hans", {}).hits]


def test_documents_the_engine_rejects_are_retried(es, indexed_ids, page_of, monkeypatch):
    articles = list(ArticlePage.objects.live().filter(locale__language_code="en")[:6])
    build = indexing.page_document

    def half_broken(page):
        document = build(page)
        if document and page.pk % 2:
            document["published"] = "not a date"  # the engine rejects this item, and only this one
        return document

    monkeypatch.setattr(indexing, "page_document", half_broken)
    for article in articles:
        article.title += " (revised)"
        article.save_revision().publish()
    done, failed = drain_all(es)
    assert done > 0 and failed == len([a for a in articles if a.pk % 2])
    monkeypatch.setattr(indexing, "page_document", build)
    drain_all(es, ignore_backoff=True)
    assert not pending(ignore_backoff=True).exists()
    assert indexed_ids() == expected_ids()
    es.indices.refresh(index=alias_name())
    revised = {hit.title for hit in search_pages(es, "revised", "en", {}).hits}
    assert {article.title for article in articles} <= revised


def test_moving_a_page_reindexes_its_new_url(es, page_of):
    from portal.models import StandardPage

    about = page_of(StandardPage, "en", slug="about")
    target = page_of(ArticleIndexPage, "en")
    child = about.add_child(instance=StandardPage(title="Complaints procedure", slug="complaints", body="[]"))
    child.save_revision().publish()
    drain_all(es)
    Page.objects.get(pk=child.pk).move(Page.objects.get(pk=target.pk), pos="last-child")
    assert IndexQueueItem.objects.filter(object_id=child.pk, done_at__isnull=True).exists()
    drain_all(es)
    es.indices.refresh(index=alias_name())
    hit = next(hit for hit in search_pages(es, "complaints procedure", "en", {}).hits if hit.title == "Complaints procedure")
    assert hit.url == "/en/articles/complaints/"


def test_alerts_follow_their_publication(es, indexed_ids):
    alert = FraudAlert.objects.filter(locale__language_code="en", live=True).first()
    alert.unpublish()
    drain_all(es)
    assert f"alert-{alert.pk}" not in indexed_ids()
    alert.save_revision().publish()
    drain_all(es)
    assert f"alert-{alert.pk}" in indexed_ids()


def test_rebuild_while_queries_run(es):
    errors, answered = [], []
    stop = threading.Event()

    def query_loop():
        while not stop.is_set():
            try:
                answered.append(search_pages(es, "fraud", "en", {}).total)
            except Exception as error:  # any failure is what this test looks for
                errors.append(error)

    thread = threading.Thread(target=query_loop)
    thread.start()
    try:
        for _ in range(3):
            indexing.rebuild(es)
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not errors, errors[:3]
    assert len(answered) > 5 and min(answered) > 0


def test_done_rows_are_pruned_after_a_day(es, page_of):
    old = IndexQueueItem.objects.create(kind="page", object_id=1, done_at=timezone.now() - datetime.timedelta(days=2))
    page_of(ArticlePage, "en").save_revision().publish()
    drain_all(es)
    assert not IndexQueueItem.objects.filter(pk=old.pk).exists()
