"""An alert that goes live starts its syndication: on approval, on publish, and at its scheduled go-live.

Wagtail sends ``published`` for a snippet from its publish action, which approval in the
workflow and ``manage.py publish_scheduled`` both run. An approval with a go-live date still in
the future sends it too while the alert is not yet live, so only a live alert starts anything.
"""

from django.dispatch import receiver
from wagtail.signals import published

from ..models import FraudAlert
from . import dispatch


@receiver(published, sender=FraudAlert)
def alert_published(sender, instance, **kwargs):
    if instance.live:
        dispatch.start(instance)
