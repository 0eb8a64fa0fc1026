"""How a batch of alert mail is made and sent: composed once per language, over several connections."""

import email
import email.policy

import pytest

from alerts.models import Delivery, EmailReceipt
from alerts.subscriptions.mail import AlertMailing
from alerts.syndication import dispatch

from .people import confirmed

pytestmark = pytest.mark.django_db


def parsed(data):
    return email.message_from_bytes(data, policy=email.policy.default)


def parts(message):
    """What a reader gets: the headers that differ per message aside, and each part's decoded content."""
    headers = {name: str(value) for name, value in message.items() if name not in ("Date", "Content-Type")}
    return headers, [(part.get_content_type(), part.get_content()) for part in message.iter_parts()]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_composed_copy_is_the_message_django_would_make(publish_alert, language, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"  # no mail sent: only composed
    alert = publish_alert(language, title="冒充客服退保诈骗 «Refund» agents", run_tasks=False)
    mailing = AlertMailing(alert)
    for address in ("a@example.org", "b.longer-name+alerts@example.org"):
        subscriber = confirmed(address, language)
        recipient, data = mailing.envelope(subscriber)
        ordinary = mailing.message(subscriber).message().as_bytes(linesep="\r\n")
        assert recipient == address
        assert parts(parsed(data)) == parts(parsed(ordinary))
        assert f"alert-{alert.pk}-{subscriber.pk}@" in parsed(data)["Message-ID"]


def test_an_address_that_is_not_ascii_is_built_the_ordinary_way(publish_alert):
    alert = publish_alert(run_tasks=False)
    subscriber = confirmed("li@例子.中国")
    recipient, data = AlertMailing(alert).envelope(subscriber)
    assert recipient == "li@xn--fsqu00a.xn--fiqs8s"  # the domain in its ASCII form, as Django sends it
    assert parsed(data)["To"] == "li@xn--fsqu00a.xn--fiqs8s"


def test_a_batch_goes_over_several_connections_each_address_once(smtp_server, publish_alert, settings):
    settings.ALERT_EMAIL_CONNECTIONS = 3
    settings.ALERT_EMAIL_BATCH_SIZE = 10
    addresses = sorted(f"p{n:02d}@example.org" for n in range(25))
    for address in addresses:
        confirmed(address)
    alert = publish_alert()
    assert sorted(smtp_server.recipients()) == addresses
    assert 1 < len(set(smtp_server.collector.peers)) <= 3 * 3  # several connections, at most 3 per batch
    delivery = Delivery.objects.get(syndication__alert=alert, channel="email")
    assert delivery.state == "sent" and delivery.sent == 25
    assert EmailReceipt.objects.filter(delivery=delivery, refused=False).count() == 25


def test_a_server_failing_mid_batch_keeps_the_receipts_of_what_it_took(smtp_server, publish_alert, settings,
                                                                       monkeypatch):
    """The messages already on their way when one fails are answered and written down, so the retry
    sends only to the others."""
    settings.ALERT_EMAIL_CONNECTIONS = 3
    for n in range(12):
        confirmed(f"f{n:02d}@example.org")
    handle = smtp_server.collector.handle_DATA

    async def fails_the_fifth(server, session, envelope):
        if len(smtp_server.messages) == 4 and not getattr(smtp_server, "failed", False):
            smtp_server.failed = True
            return "451 Try again later"
        return await handle(server, session, envelope)

    monkeypatch.setattr(smtp_server.collector, "handle_DATA", fails_the_fifth)
    alert = publish_alert()
    delivery = Delivery.objects.get(syndication__alert=alert, channel="email")
    taken = len(smtp_server.messages)
    assert delivery.state == "retrying" and 4 <= taken < 12
    assert EmailReceipt.objects.filter(delivery=delivery).count() == taken
    dispatch.resume(now=delivery.next_attempt_at)
    assert sorted(smtp_server.recipients()) == [f"f{n:02d}@example.org" for n in range(12)]
