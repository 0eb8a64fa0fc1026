"""E-mail to subscribers: batches over one SMTP connection each, idempotent and resumable.

Who still needs the alert is a query: the matching confirmed subscribers without an
``EmailReceipt`` for this delivery. A receipt is written right after the server accepted each
message, so a batch retried after a failure, or a delivery taken over from a killed worker, starts
with exactly the people not yet mailed. (The only window for a duplicate is a crash between the
server's "250 OK" and that one insert; the ``Message-ID`` is the same for the same alert and
subscriber, so the copy is recognisable.) A server that refuses one address gets a "refused"
receipt and is not asked again; a server that is down fails the batch, which is retried.
"""

import smtplib

from django.conf import settings
from django.core.mail import get_connection
from django.utils import timezone

from ..subscriptions.mail import alert_message
from ..subscriptions.models import Subscriber
from .models import EmailReceipt


class MailServerDown(Exception):
    pass


def recipients(delivery):
    alert = delivery.syndication.alert
    subscribers = Subscriber.objects.for_alert(alert.locale.language_code, alert.audience_slugs)
    return subscribers.exclude(receipts__delivery=delivery)


def record(delivery, subscriber, refused=False):
    EmailReceipt.objects.create(delivery=delivery, subscriber=subscriber, refused=refused, sent_at=timezone.now())


def send_batch(delivery, size=None):
    """Mail the next ``size`` recipients over one connection; returns ``(sent, refused)``, (0, 0) when done."""
    alert = delivery.syndication.alert
    batch = list(recipients(delivery).order_by("pk")[: size or settings.ALERT_EMAIL_BATCH_SIZE])
    if not batch:
        return 0, 0
    sent = refused = 0
    rendered = {}
    connection = get_connection(fail_silently=False)
    try:
        connection.open()
    except (OSError, smtplib.SMTPException) as error:
        raise MailServerDown(f"{type(error).__name__}: {error}") from error
    try:
        for subscriber in batch:
            message = alert_message(alert, subscriber, connection=connection, rendered=rendered)
            try:
                connection.send_messages([message])
            except smtplib.SMTPRecipientsRefused:
                record(delivery, subscriber, refused=True)
                refused += 1
                continue
            except (OSError, smtplib.SMTPException) as error:
                raise MailServerDown(f"{type(error).__name__}: {error}") from error
            record(delivery, subscriber)
            sent += 1
    finally:
        try:
            connection.close()
        except (OSError, smtplib.SMTPException):
            pass
    return sent, refused
