"""Turning pages and alerts into search documents, and writing them to Elasticsearch.

``sync_objects`` brings the index entries of some objects up to date with
one bulk request: an object that is live and public is (re)indexed, anything
else (unpublished, private, deleted) is removed. ``rebuild`` fills a fresh
index and swaps the alias to it atomically, so searches never see a
half-built index.
"""

import logging
import re
import time

from django.utils import timezone
from django.utils.html import strip_tags
from elasticsearch import helpers
from wagtail.models import Page
from wagtail.search import index

from alerts.models import AlertIndexPage, FraudAlert
from foundation.models import AudienceTargetedPage, ContentPage
from foundation.privacy import restricted_paths

from .documents import alias_name, document_class
from .kinds import OTHER_PAGES
from .models import SynonymSet

logger = logging.getLogger(__name__)

SKIPPED_FIELDS = {"title", "summary"}


def synonym_rules():
    """Synonym rules per language from the editors' ``SynonymSet`` snippets."""
    rules = {}
    for synonym_set in SynonymSet.objects.all():
        terms = synonym_set.term_list()
        if len(terms) > 1:
            rules.setdefault(synonym_set.language, []).append(", ".join(terms))
    return rules


def _field_text(obj, field_name):
    value = getattr(obj, field_name, None)
    if value is None:
        return ""
    field = obj._meta.get_field(field_name) if field_name in {f.name for f in obj._meta.get_fields()} else None
    if field is not None and hasattr(field, "get_searchable_content"):
        return " ".join(str(part) for part in field.get_searchable_content(value))
    return strip_tags(str(value))


def body_text(obj):
    """The text of every searchable field except title and summary (they have fields of their own)."""
    parts = []
    for search_field in obj.get_search_fields():
        if isinstance(search_field, index.SearchField) and search_field.field_name not in SKIPPED_FIELDS:
            parts.append(_field_text(obj, search_field.field_name))
    return " ".join(part for part in parts if part)


TITLE_BREAKS = re.compile(r"[:：,，;；、“”\"《》()（）·—\-|]+")


def completion_inputs(title, topics):
    """The title, each part of it between punctuation, and the topics, so "fake" completes a title
    that reads "Case study: fake surrender-refund agents"."""
    parts = [part.strip() for part in TITLE_BREAKS.split(title)]
    return list(dict.fromkeys(item for item in [title, *parts, *topics] if len(item) >= 2))


def _is_public(page):
    return not any(page.path.startswith(path) for path in restricted_paths())


def page_document(page):
    """The document fields for a live, public page, or None when it should not be searchable."""
    if not (page.live and isinstance(page, ContentPage) and _is_public(page)):
        return None
    topics = [tag.name for tag in page.topics.all()] if hasattr(page, "topics") else []
    audiences = [audience.slug for audience in page.audiences.all()] if isinstance(page, AudienceTargetedPage) else []
    campaign = getattr(page, "campaign", None)
    return {
        "title": page.title,
        "summary": page.summary,
        "body": body_text(page),
        "topics_text": " ".join(topics),
        "audiences": audiences,
        "topics": page.topic_slugs,
        "content_type": page.listing_kind or OTHER_PAGES,
        "campaign": campaign.slug if campaign else None,
        "year": page.facet_year(),
        "locale": page.language_code,
        "url": page.get_url(),
        "published": page.last_published_at or page.first_published_at,
        "suggest": {"input": completion_inputs(page.title, topics), "contexts": {"locale": [page.language_code]}},
    }


def alert_document(alert):
    """The document fields for a published alert (listed on its alerts page), or None."""
    if not alert.live:
        return None
    alert_index = AlertIndexPage.objects.live().filter(locale_id=alert.locale_id).first()
    if alert_index is None or not _is_public(alert_index):
        return None
    language = alert_index.language_code
    return {
        "title": alert.title,
        "summary": alert.summary,
        "body": strip_tags(alert.body),
        "topics_text": "",
        "audiences": [audience.slug for audience in alert.audiences.all()],
        "topics": [],
        "content_type": alert.listing_kind,
        "campaign": None,
        "year": alert.facet_year(),
        "locale": language,
        "url": f"{alert_index.get_url()}{alert.pk}/",
        "published": alert.active_from,
        "suggest": {"input": completion_inputs(alert.title, []), "contexts": {"locale": [language]}},
    }


def document_id(kind, object_id):
    return f"{kind}-{object_id}"


def load(kind, ids):
    """``{id: object}`` for the ids that still exist."""
    if kind == "page":
        return {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    return {alert.pk: alert for alert in FraudAlert.objects.filter(pk__in=ids).prefetch_related("audiences")}


def bulk_actions(kind, ids, index_name):
    """Bulk actions bringing the index entries of ``ids`` up to date: index the searchable, delete the rest."""
    objects = load(kind, ids)
    build = page_document if kind == "page" else alert_document
    for object_id in ids:
        obj = objects.get(object_id)
        source = build(obj) if obj is not None else None
        if source is None:
            yield {"_op_type": "delete", "_index": index_name, "_id": document_id(kind, object_id)}
        else:
            yield {"_op_type": "index", "_index": index_name, "_id": document_id(kind, object_id), "_source": source}


def sync_objects(client, kind, ids, index_name=None):
    """Write the current state of ``ids`` to the index. Returns the set of ids that failed.

    A delete of a document that is not in the index counts as done.
    Connection errors propagate: the caller keeps the queue rows and retries later.
    """
    index_name = index_name or alias_name()
    failed = set()
    ok_count, errors = helpers.bulk(
        client, bulk_actions(kind, ids, index_name), raise_on_error=False, raise_on_exception=True, refresh=False
    )
    for error in errors:
        (operation, details), = error.items()
        if operation == "delete" and details.get("status") == 404:
            continue
        failed.add(int(details["_id"].split("-", 1)[1]))
        logger.warning("search index %s of %s failed: %s", operation, details["_id"], details.get("error"))
    return failed


def all_object_ids():
    """Every page and alert that may be searchable: (kind, ids)."""
    yield "page", list(Page.objects.live().filter(depth__gt=1).values_list("pk", flat=True))
    yield "alert", list(FraudAlert.objects.filter(live=True).values_list("pk", flat=True))


def ensure_index(client):
    """Create the first index and point the alias at it, if there is no alias yet."""
    if not client.indices.exists_alias(name=alias_name()):
        create_index(client, make_alias=True)


def create_index(client, make_alias=False):
    """Create a new concrete index with the current analysis settings; returns its name."""
    name = f"{alias_name()}-{timezone.now():%Y%m%d%H%M%S%f}"
    document = document_class(synonym_rules())
    document._index._name = name
    document.init(using=client)
    if make_alias:
        client.indices.put_alias(index=name, name=alias_name())
    return name


def rebuild(client, progress=None, batch_size=200):
    """Fill a new index from the database, swap the alias to it atomically, drop the old indices.

    ``progress(done, total)`` is called after each bulk batch. Returns the new index name.
    """
    name = create_index(client)
    plan = list(all_object_ids())
    total = sum(len(ids) for _, ids in plan)
    done = 0
    for kind, ids in plan:
        for start in range(0, len(ids), batch_size):
            chunk = ids[start : start + batch_size]
            failed = sync_objects(client, kind, chunk, index_name=name)
            if failed:
                client.indices.delete(index=name)
                raise RuntimeError(f"{len(failed)} documents could not be indexed; the old index stays in use")
            done += len(chunk)
            if progress:
                progress(done, total)
    client.indices.refresh(index=name)
    old = list(client.indices.get_alias(name=alias_name()).keys()) if client.indices.exists_alias(name=alias_name()) else []
    actions = [{"remove": {"index": index_name, "alias": alias_name()}} for index_name in old]
    actions.append({"add": {"index": name, "alias": alias_name()}})
    client.indices.update_aliases(actions=actions)
    drop_when_idle(client, old)
    return name


def drop_when_idle(client, index_names, grace=0.5, timeout=10.0):
    """Delete the indices the alias no longer names, once no search is reading them.

    A search that resolved the alias just before the swap may still be running on an old index;
    deleting it under that search fails the visitor's query (a 503 from the engine). So wait a
    moment for such searches to reach their shards, then until none is in progress there.
    """
    if not index_names:
        return
    time.sleep(grace)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        searching = client.indices.stats(index=",".join(index_names), metric="search")["_all"]["total"]["search"]
        if not searching["query_current"] and not searching["fetch_current"]:
            break
        time.sleep(0.05)
    for index_name in index_names:
        client.indices.delete(index=index_name, ignore_unavailable=True)
