"""What an alert change makes stale: its language's alert listings and, through them, the banner.

Only a change visitors can see counts: publishing, unpublishing or deleting an alert
(``published`` and ``unpublished`` are sent for every snippet), and a live alert saved whole
(created live, or edited in place outside the editor's drafts). Saving a draft, a revision, a
lock or a workflow step saves only Wagtail's bookkeeping fields of the row (``update_fields``),
changes no live alert, and invalidates nothing (``alerts.banner`` explains how pages follow
the banner).
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import published, unpublished

from foundation import cache
from foundation.models import language_code_of

from .models import FraudAlert, alerts_tag


@receiver(published, sender=FraudAlert)
@receiver(unpublished, sender=FraudAlert)
@receiver(post_delete, sender=FraudAlert)
def invalidate_alert_listings(instance, **kwargs):
    cache.invalidate(alerts_tag(language_code_of(instance.locale_id)))


# What Wagtail writes to the row for a draft, a revision, a lock or a workflow: nothing visitors see.
BOOKKEEPING_FIELDS = frozenset({"latest_revision", "has_unpublished_changes", "locked", "locked_at", "locked_by"})


@receiver(post_save, sender=FraudAlert)
def invalidate_live_alert_saved(instance, update_fields=None, **kwargs):
    if instance.live and (update_fields is None or not BOOKKEEPING_FIELDS.issuperset(update_fields)):
        invalidate_alert_listings(instance)
