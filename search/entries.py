"""The database search's copy of the index: ``SearchEntry`` rows written from the engine's documents.

``sync_entries`` is the database twin of ``indexing.sync_objects``: the document is built by the
same functions (``page_document``, ``alert_document``), so both searches read the same text, and
an object that is no longer searchable loses its row. The index queue calls both.
"""

from django.db import transaction

from . import indexing
from .models import SearchEntry
from .tokens import tokenised


def _spaced(values):
    return f" {' '.join(values)} "


def entry_fields(source):
    """``SearchEntry`` field values from an index document."""
    return {
        "language": source["locale"],
        "url": source["url"],
        "title": source["title"],
        "summary": source["summary"] or "",
        "body": source["body"],
        "title_terms": tokenised(source["title"]),
        "summary_terms": tokenised(source["summary"]),
        "topics_terms": tokenised(source["topics_text"]),
        "body_terms": tokenised(source["body"]),
        "content_type": source["content_type"],
        "year": source["year"],
        "audiences": _spaced(source["audiences"]),
        "topics": _spaced(source["topics"]),
        "published": source["published"],
    }


@transaction.atomic
def sync_entries(kind, ids):
    """Bring the rows of ``ids`` (pages or alerts) up to date with the objects."""
    objects = indexing.load(kind, ids)
    build = indexing.page_document if kind == "page" else indexing.alert_document
    gone = []
    for object_id in ids:
        obj = objects.get(object_id)
        source = build(obj) if obj is not None else None
        if source is None:
            gone.append(object_id)
        else:
            SearchEntry.objects.update_or_create(kind=kind, object_id=object_id, defaults=entry_fields(source))
    SearchEntry.objects.filter(kind=kind, object_id__in=gone).delete()


@transaction.atomic
def rebuild_entries():
    """Rewrite every row from the database (after a migration, or when asked to rebuild)."""
    SearchEntry.objects.all().delete()
    for kind, ids in indexing.all_object_ids():
        sync_entries(kind, ids)
