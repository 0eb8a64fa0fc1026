"""The review's signal receivers: tasks on the submitted revision, contacts in cached pages, retraining.

Official contacts are printed on every page (footer, posters): changing one invalidates the
``contacts`` tag (``foundation.cache``) that the footer, and so every cached page, depends on.

Each workflow task stays on the revision that was actually submitted: Wagtail 8's snippet edit
view resumes a workflow (resubmitting after "changes requested") through a ``WorkflowState``
whose object it loaded before saving the new revision, so ``Task.start()`` records the previous
revision: the pre-check would check, and the reviewer would be shown, the version from before
the editor's fixes. This receiver reads the newest revision from the database when a task
starts. Pages are not affected; the check costs one query.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import task_submitted

from foundation import cache

from .hotlines import CONTACTS_TAG
from .models import ClaimExample, OfficialContact
from .tasks import retrain_claim_classifier


@receiver(post_save, sender=OfficialContact)
@receiver(post_delete, sender=OfficialContact)
def invalidate_contacts(**kwargs):
    cache.invalidate(CONTACTS_TAG)


@receiver(post_save, sender=ClaimExample)
@receiver(post_delete, sender=ClaimExample)
def retrain_on_new_examples(**kwargs):
    """What reviewers teach applies to the next check: the worker retrains once the change is committed."""
    transaction.on_commit(retrain_claim_classifier.enqueue)


@receiver(task_submitted)
def start_tasks_on_the_latest_revision(sender, instance, **kwargs):
    obj = instance.workflow_state.content_object
    latest_id = type(obj)._default_manager.filter(pk=obj.pk).values_list("latest_revision_id", flat=True).first()
    if latest_id and latest_id != instance.revision_id:
        instance.revision_id = latest_id
        instance.save(update_fields=["revision"])
        obj.latest_revision_id = latest_id  # tasks started next in this request read the same object
