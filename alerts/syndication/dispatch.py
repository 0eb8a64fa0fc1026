"""Starting, running, retrying and resuming an alert's deliveries.

``start(alert)`` runs inside the transaction that published the alert: it writes the
``Syndication`` and its deliveries, and queues one task per automated delivery once that
transaction commits (webhooks and the hub first, at a higher priority: they take milliseconds).
E-mail runs one batch per task, each queueing the next, so a long send never holds up another
alert's webhooks. ``run(delivery)`` takes a lease on the delivery (so two workers never run it
at once), does the channel's work and records the outcome: sent, or retrying after a back-off
(30 s, 1, 2, 4 ... minutes, at most an hour apart), or failed after ``MAX_ATTEMPTS`` or when the
destination is refused. ``resume()`` queues every unfinished delivery that is due and not leased:
retries on backends that cannot defer a task, and whatever a killed worker was doing.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from foundation.websub import HubError, feed_url, hub_url, ping_hub

from ..subscriptions.models import Subscriber
from . import email, webhooks
from .models import Delivery, ManualPost, PartnerEndpoint, Syndication

MAX_ATTEMPTS = 8
LEASE = timedelta(seconds=settings.ALERT_DELIVERY_LEASE_SECONDS)
UNFINISHED = [Delivery.State.PENDING, Delivery.State.RETRYING]


def backoff(attempts):
    return timedelta(seconds=min(30 * 2 ** (attempts - 1), 3600))


def start(alert):
    """The syndication of a live alert, created once (a later correction is not sent again)."""
    syndication, created = Syndication.objects.get_or_create(alert=alert)
    if not created:
        return syndication
    language = alert.locale.language_code
    deliveries = [Delivery(
        syndication=syndication, channel=Delivery.Channel.EMAIL, target=language,
        total=Subscriber.objects.for_alert(language, alert.audience_slugs).count(),
    )]
    endpoints = PartnerEndpoint.objects.filter(active=True).prefetch_related("audiences")
    deliveries += [
        Delivery(syndication=syndication, channel=Delivery.Channel.WEBHOOK, endpoint=endpoint, target=endpoint.name,
                 total=1)
        for endpoint in endpoints if endpoint.wants(alert)
    ]
    if hub_url():
        deliveries.append(Delivery(syndication=syndication, channel=Delivery.Channel.WEBSUB, target=hub_url(), total=1))
    manual = Delivery(syndication=syndication, channel=Delivery.Channel.MANUAL, total=len(ManualPost.Channel))
    deliveries = Delivery.objects.bulk_create(deliveries + [manual])
    manual = Delivery.objects.get(syndication=syndication, channel=Delivery.Channel.MANUAL)
    ManualPost.objects.bulk_create([ManualPost(delivery=manual, channel=channel) for channel in ManualPost.Channel])
    automated = syndication.deliveries.exclude(channel=Delivery.Channel.MANUAL)
    quick = list(automated.exclude(channel=Delivery.Channel.EMAIL).values_list("pk", flat=True))
    mail = list(automated.filter(channel=Delivery.Channel.EMAIL).values_list("pk", flat=True))
    transaction.on_commit(lambda: (queue(quick, priority=QUICK_PRIORITY), queue(mail)))
    return syndication


QUICK_PRIORITY = 10


def queue(delivery_ids, run_after=None, priority=None, continued=False):
    from .tasks import run_delivery

    task = run_delivery
    backend = task.get_backend()
    if run_after is not None:
        if not backend.supports_defer:
            return  # resume() queues it when it is due
        task = task.using(run_after=run_after)
    if priority is not None and backend.supports_priority:
        task = task.using(priority=priority)
    for delivery_id in delivery_ids:
        task.enqueue(delivery_id, continued=continued) if continued else task.enqueue(delivery_id)


def take(delivery_id, now=None):
    """The delivery, leased to the caller, or None when it is finished, not due or leased to someone else."""
    now = now or timezone.now()
    taken = Delivery.objects.filter(
        Q(leased_until__isnull=True) | Q(leased_until__lt=now), pk=delivery_id, state__in=UNFINISHED,
    ).exclude(channel=Delivery.Channel.MANUAL).update(leased_until=now + LEASE)
    return Delivery.objects.select_related("syndication__alert__locale", "endpoint").get(pk=delivery_id) if taken else None


def run(delivery_id, now=None, continued=False):
    """Run one delivery (for e-mail: one batch); ``continued`` is the next batch of the same attempt."""
    delivery = take(delivery_id, now)
    if delivery is None:
        return None
    if not continued:
        delivery.attempts += 1
    try:
        if delivery.channel == Delivery.Channel.EMAIL:
            if run_email_batch(delivery):
                delivery.leased_until = None
                delivery.save()
                queue([delivery.pk], continued=True)
                return delivery.state
        elif delivery.channel == Delivery.Channel.WEBHOOK:
            if delivery.endpoint is None:
                raise webhooks.RefusedDestination("the endpoint was deleted")
            webhooks.deliver(delivery.endpoint, delivery.syndication.alert)
            delivery.record_sent()
        else:
            alert = delivery.syndication.alert
            ping_hub([feed_url("feed_alerts", alert.locale.language_code)])
            delivery.record_sent()
    except webhooks.RefusedDestination as error:
        finish(delivery, Delivery.State.FAILED, str(error))
    except (webhooks.DeliveryError, email.MailServerDown, HubError) as error:
        if delivery.attempts >= MAX_ATTEMPTS:
            finish(delivery, Delivery.State.FAILED, str(error))
        else:
            delivery.next_attempt_at = timezone.now() + backoff(delivery.attempts)
            finish(delivery, Delivery.State.RETRYING, str(error))
            queue([delivery.pk], run_after=delivery.next_attempt_at)
    else:
        finish(delivery, Delivery.State.SENT, "")
    return delivery.state


def run_email_batch(delivery):
    """Send one batch; True when it was a full one (there may be more), False when nobody is left."""
    size = settings.ALERT_EMAIL_BATCH_SIZE
    sent, refused = email.send_batch(delivery, size)
    if sent:
        delivery.record_sent(0)
    # Counted from the receipts, so a batch that died half way is counted right on the next run.
    delivery.sent = delivery.receipts.filter(refused=False).count()
    delivery.failed = delivery.receipts.filter(refused=True).count()
    return sent + refused >= size


def finish(delivery, state, error):
    delivery.state = state
    delivery.last_error = error[:2000] if error else ("" if state == Delivery.State.SENT else delivery.last_error)
    delivery.leased_until = None
    if state != Delivery.State.RETRYING:
        delivery.next_attempt_at = None
    if delivery.channel == Delivery.Channel.EMAIL:
        delivery.total = max(delivery.total, delivery.sent + delivery.failed)
    delivery.save()


def retry(delivery):
    """The admin's retry button: a failed delivery starts again with a fresh count of attempts."""
    updated = Delivery.objects.filter(pk=delivery.pk, state=Delivery.State.FAILED).update(
        state=Delivery.State.RETRYING, attempts=0, next_attempt_at=timezone.now(), leased_until=None,
    )
    if updated:
        transaction.on_commit(lambda: queue([delivery.pk]))
    return bool(updated)


def resume(now=None):
    """Queue every unfinished automated delivery that is due and not leased; returns how many."""
    now = now or timezone.now()
    due = Delivery.objects.filter(state__in=UNFINISHED).exclude(channel=Delivery.Channel.MANUAL).filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now),
        Q(leased_until__isnull=True) | Q(leased_until__lt=now),
    )
    ids = list(due.values_list("pk", flat=True))
    Delivery.objects.filter(pk__in=ids).update(leased_until=None)  # an expired lease is a dead worker's
    queue(ids)
    return len(ids)
