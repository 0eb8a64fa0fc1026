"""The index queue: record changes as they are committed, drain them into the search indexes later.

The receivers in ``search.signals`` write an ``IndexQueueItem`` inside the
transaction that publishes, unpublishes, moves or deletes a page (or an alert,
or a view restriction), so the row exists exactly when the change does. After
commit a task (``search.tasks``) drains the queue into the database search's entries and, when
one is configured, Elasticsearch; ``manage.py search_sync``
does the same from cron or a worker. When the engine is unreachable the rows stay, with exponential
back-off, and the next drain catches up: no update is lost.
"""

import datetime
import logging

from django.utils import timezone
from elasticsearch import exceptions as es_exceptions

from . import entries, indexing
from .engine import get_client
from .models import IndexQueueItem

logger = logging.getLogger(__name__)

MAX_BACKOFF_SECONDS = 300
KEEP_DONE_HOURS = 24
BATCH_SIZE = 500


def enqueue(kind, ids=(None,)):
    """Queue ``ids`` of ``kind`` for syncing, engine or not: the database search's entries
    (``search.entries``) are drained from the same queue."""
    IndexQueueItem.objects.bulk_create([IndexQueueItem(kind=kind, object_id=object_id) for object_id in ids])


def backoff(attempts):
    return datetime.timedelta(seconds=min(2**attempts, MAX_BACKOFF_SECONDS))


def pending(now=None, ignore_backoff=False):
    items = IndexQueueItem.objects.filter(done_at__isnull=True)
    if not ignore_backoff:
        items = items.filter(next_attempt_at__lte=now or timezone.now())
    return items.order_by("pk")


def _mark_failed(items, error, now):
    for item in items:
        item.attempts += 1
        item.next_attempt_at = now + backoff(item.attempts)
        item.last_error = str(error)[:2000]
    IndexQueueItem.objects.bulk_update(items, ["attempts", "next_attempt_at", "last_error"])


def drain(client=None, ignore_backoff=False):
    """Sync every due queue row to the database search and the engine. Returns (done, failed) row counts.

    Rows for the same object are merged: the object's *current* state is what
    gets written, so order does not matter and repeats cost nothing. Without an
    engine a row is done once the database search has it.
    """
    client = client or get_client()
    now = timezone.now()
    items = list(pending(now, ignore_backoff)[:BATCH_SIZE])
    if not items:
        return 0, 0
    done, failed, outage = items, [], None
    if client is not None:
        try:
            done, failed = _sync_engine(client, items)
        except (es_exceptions.ConnectionError, es_exceptions.ApiError, es_exceptions.TransportError) as error:
            outage = error
    # After the engine: a rebuild there marks older rows done, and the database's rebuild then reads
    # a state at least as new as theirs.
    _sync_database(items)
    if outage is not None:
        logger.warning("search engine unavailable, %d queue rows kept: %s", len(items), outage)
        _mark_failed(items, outage, now)
        return 0, len(items)
    if failed:
        _mark_failed(failed, "the engine rejected the document", now)
    IndexQueueItem.objects.filter(pk__in=[item.pk for item in done]).update(done_at=timezone.now())
    IndexQueueItem.objects.filter(done_at__lt=now - datetime.timedelta(hours=KEEP_DONE_HOURS)).delete()
    return len(done), len(failed)


def _by_kind(items):
    """``{kind: sorted object ids}`` of the page and alert rows."""
    kinds = (IndexQueueItem.Kind.PAGE, IndexQueueItem.Kind.ALERT)
    grouped = {kind: sorted({item.object_id for item in items if item.kind == kind}) for kind in kinds}
    return {kind: ids for kind, ids in grouped.items() if ids}


def _sync_database(items):
    if any(item.kind == IndexQueueItem.Kind.REBUILD for item in items):
        entries.rebuild_entries()
        return
    for kind, ids in _by_kind(items).items():
        entries.sync_entries(kind, ids)


def _sync_engine(client, items):
    """Write the rows' objects to the engine; returns the (done, failed) rows."""
    indexing.ensure_index(client)
    if any(item.kind == IndexQueueItem.Kind.REBUILD for item in items):
        rebuild_and_replay(client)
        return items, []
    failed_ids = {kind: indexing.sync_objects(client, kind, ids) for kind, ids in _by_kind(items).items()}
    failed = [item for item in items if item.object_id in failed_ids.get(item.kind, ())]
    return [item for item in items if item not in failed], failed


def drain_all(client=None, ignore_backoff=False):
    """Drain until nothing due is left (or a round makes no progress). Returns total (done, failed)."""
    total_done = total_failed = 0
    while True:
        done, failed = drain(client, ignore_backoff)
        total_done += done
        total_failed += failed
        if done == 0:
            return total_done, total_failed


def rebuild_and_replay(client, progress=None):
    """Rebuild into a new index, then replay every change queued since the rebuild began.

    A change drained into the *old* index while the new one was filling would
    otherwise be lost at the alias swap; replaying by object id makes the new
    index current.
    """
    started = timezone.now()
    name = indexing.rebuild(client, progress)
    # Everything queued before the rebuild began is in the new index already.
    IndexQueueItem.objects.filter(done_at__isnull=True, created_at__lt=started).update(done_at=timezone.now())
    changed = IndexQueueItem.objects.filter(created_at__gte=started).exclude(kind=IndexQueueItem.Kind.REBUILD)
    for kind in (IndexQueueItem.Kind.PAGE, IndexQueueItem.Kind.ALERT):
        ids = sorted(set(changed.filter(kind=kind).values_list("object_id", flat=True)))
        if ids:
            indexing.sync_objects(client, kind, ids)
    return name
