"""What changes the search index: the signal receivers that fill the index queue.

Each receiver writes queue rows inside the transaction that made the change
(``search.queue.enqueue``), then asks for a drain once that transaction commits
(``search.tasks.drain_index_queue``): a change that rolls back leaves no row,
and a row is never drained before its change is visible.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from alerts.models import FraudAlert

from .models import IndexQueueItem, SynonymSet
from .queue import enqueue
from .tasks import drain_index_queue


def queue_change(kind, ids=(None,)):
    enqueue(kind, ids)
    transaction.on_commit(drain_index_queue.enqueue)


def _subtree_ids(page):
    return list(Page.objects.filter(path__startswith=page.path).values_list("pk", flat=True))


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    queue_change(IndexQueueItem.Kind.PAGE, [instance.pk])


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    # Every URL in the moved subtree changed.
    queue_change(IndexQueueItem.Kind.PAGE, _subtree_ids(instance))


@receiver(post_delete, sender=Page)
def page_deleted(sender, instance, **kwargs):
    queue_change(IndexQueueItem.Kind.PAGE, [instance.pk])


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, **kwargs):
    # Making a subtree private (or public again) changes what may be searched.
    queue_change(IndexQueueItem.Kind.PAGE, _subtree_ids(instance.page))


@receiver(published, sender=FraudAlert)
@receiver(unpublished, sender=FraudAlert)
@receiver(post_delete, sender=FraudAlert)
def alert_changed(sender, instance, **kwargs):
    queue_change(IndexQueueItem.Kind.ALERT, [instance.pk])


@receiver(post_save, sender=SynonymSet)
@receiver(post_delete, sender=SynonymSet)
def synonyms_changed(sender, **kwargs):
    queue_change(IndexQueueItem.Kind.REBUILD)
