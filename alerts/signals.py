"""Every page shows the banner, so saving or deleting an alert starts a new content version.

Publishing and unpublishing are covered by ``foundation.signals`` (``published`` is sent for every
snippet); this covers an alert's other changes, such as its active window edited in place.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from foundation import cache

from .models import FraudAlert


@receiver(post_save, sender=FraudAlert)
@receiver(post_delete, sender=FraudAlert)
def forget_content(**kwargs):
    cache.forget()
