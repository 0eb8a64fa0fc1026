"""E-mail to subscribers: batches over a few SMTP connections each, idempotent and resumable.

Who still needs the alert is a query: the matching confirmed subscribers without an
``EmailReceipt`` for this delivery. A receipt is written as soon as the server has accepted each
message, so a batch retried after a failure, or a delivery taken over from a killed worker, starts
with exactly the people not yet mailed. (The only window for a duplicate is a crash between the
server's "250 OK" and that insert, at most one message per connection; the ``Message-ID`` is the
same for the same alert and subscriber, so the copy is recognisable.) A server that refuses one
address gets a "refused" receipt and is not asked again; a server that is down fails the batch,
which is retried.

A mail server answers each message after four round trips (MAIL, RCPT, DATA and the end of
the data), so one connection spends most of its time waiting; a batch is sent over
``ALERT_EMAIL_CONNECTIONS`` connections at once, each in its own thread. Only the sending happens
in those threads: the messages are composed (``AlertMailing``) and the receipts written here, in
the worker's own thread and database connection.
"""

import itertools
import smtplib
import threading
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.utils import timezone
from django.utils.module_loading import import_string

from ..subscriptions.mail import AlertMailing
from ..subscriptions.models import Subscriber
from .models import EmailReceipt


class MailServerDown(Exception):
    pass


def recipients(delivery):
    alert = delivery.syndication.alert
    subscribers = Subscriber.objects.for_alert(alert.locale.language_code, alert.audience_slugs)
    return subscribers.exclude(receipts__delivery=delivery)


def record(delivery, outcomes):
    """Receipts for ``[(subscriber, refused)]``, the messages the server has answered."""
    now = timezone.now()
    EmailReceipt.objects.bulk_create([
        EmailReceipt(delivery=delivery, subscriber=subscriber, refused=refused, sent_at=now)
        for subscriber, refused in outcomes
    ])


class Connections:
    """One open mail connection per sending thread, all closed at the end of the batch.

    Through Django's SMTP backend (``EMAIL_HOST`` set), each message goes as the bytes
    ``AlertMailing.envelope`` composed, on the backend's own connection (its TLS and login
    settings); any other backend (the console in development, the outbox in tests) gets
    ``AlertMailing.message``, a Django message."""

    def __init__(self, mailing):
        self.mailing = mailing
        self.smtp = issubclass(import_string(settings.EMAIL_BACKEND), SMTPBackend)
        self.local = threading.local()
        self.opened = []
        self.lock = threading.Lock()

    def prepare(self, subscriber):
        """What ``send`` takes for ``subscriber`` (composed in the worker's own thread)."""
        return self.mailing.envelope(subscriber) if self.smtp else self.mailing.message(subscriber)

    def send(self, prepared):
        """Send one prepared message on this thread's connection; True if the server refused the address."""
        try:
            backend = getattr(self.local, "backend", None)
            if backend is None:
                backend = get_connection(fail_silently=False)
                backend.open()
                with self.lock:
                    self.opened.append(backend)
                self.local.backend = backend
            if self.smtp:
                recipient, data = prepared
                backend.connection.sendmail(self.mailing.sender, [recipient], data)
            else:
                backend.send_messages([prepared])
        except smtplib.SMTPRecipientsRefused:
            return True
        except (OSError, smtplib.SMTPException) as error:
            raise MailServerDown(f"{type(error).__name__}: {error}") from error
        return False

    def close(self):
        for backend in self.opened:
            try:
                backend.close()
            except (OSError, smtplib.SMTPException):
                pass


def send_batch(delivery, size=None):
    """Mail the next ``size`` recipients; returns ``(sent, refused)``, (0, 0) when nobody is left.

    At most ``ALERT_EMAIL_CONNECTIONS`` messages are on their way at any moment: the next one is
    handed over only when one is answered and its receipt written, so a crash can repeat at most
    that many (and with one connection the send is strictly one after the other)."""
    batch = iter(recipients(delivery).order_by("pk")[: size or settings.ALERT_EMAIL_BATCH_SIZE])
    connections = Connections(AlertMailing(delivery.syndication.alert))
    in_flight, outcomes = {}, []
    pool = ThreadPoolExecutor(max_workers=settings.ALERT_EMAIL_CONNECTIONS, thread_name_prefix="alert-mail")

    def hand_over(count):
        for subscriber in itertools.islice(batch, count):
            in_flight[pool.submit(connections.send, connections.prepare(subscriber))] = subscriber

    try:
        hand_over(settings.ALERT_EMAIL_CONNECTIONS)
        while in_flight:
            done, _waiting = wait(in_flight, return_when=FIRST_COMPLETED)
            failure = _record_answered(delivery, in_flight, done, outcomes)
            if failure is not None:
                # The other messages on their way finish; their receipts are written before giving up.
                _record_answered(delivery, in_flight, wait(in_flight).done, outcomes)
                raise failure
            hand_over(len(done))
    finally:
        pool.shutdown(wait=True)
        connections.close()
    refused = sum(1 for _subscriber, was_refused in outcomes if was_refused)
    return len(outcomes) - refused, refused


def _record_answered(delivery, in_flight, done, outcomes):
    """Write the receipts of the ``done`` sends (taking them out of ``in_flight``); the first error, if any."""
    answered = [(in_flight.pop(future), future) for future in done]
    accepted = [(subscriber, future.result()) for subscriber, future in answered if future.exception() is None]
    record(delivery, accepted)
    outcomes += accepted
    return next((future.exception() for _subscriber, future in answered if future.exception()), None)
