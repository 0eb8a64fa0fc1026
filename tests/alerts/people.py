"""Subscribers for the alert tests."""

from alerts.models import Subscriber


def confirmed(email, language="zh-hans", audiences=()):
    """A confirmed subscriber of ``language`` following ``audiences`` (all when empty)."""
    subscriber = Subscriber.objects.create(email=email, language=language, consent_text="x")
    subscriber.confirmed_at = subscriber.requested_at
    subscriber.save()
    subscriber.set_audiences(audiences)
    return subscriber
