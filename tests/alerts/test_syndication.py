"""An alert that goes live reaches subscribers, partners and the WebSub hub: against a real SMTP server
(aiosmtpd) and a real HTTP receiver on loopback. Tasks run on the immediate backend of the test
settings (each right after the commit that queued it); retries are run by ``syndication_resume``."""

import hashlib
import hmac
import json
import re
import subprocess
import sys
import time
from datetime import timedelta
from urllib.parse import parse_qs

import feedparser
import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from alerts.models import Delivery, EmailReceipt, PartnerEndpoint, Subscriber
from alerts.subscriptions import tokens
from alerts.syndication import dispatch, webhooks

from .people import confirmed

pytestmark = pytest.mark.django_db
LINK = re.compile(r"http://127\.0\.0\.1:8000(/\S+/)")


def text_part(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def later(minutes=90):
    return timezone.now() + timedelta(minutes=minutes)


def test_subscribe_confirm_publish_unsubscribe_end_to_end(smtp_server, publish_alert):
    client = Client()
    response = client.post("/alerts/subscribe/", {"email": "li@example.org", "language": "zh-hans",
                                                  "audiences": ["elderly"], "consent": "on"})
    assert response.status_code == 302
    [(rcpt, confirmation)] = smtp_server.messages
    assert rcpt == ["li@example.org"]
    assert client.post(LINK.search(text_part(confirmation)).group(1)).status_code == 200

    alert = publish_alert("zh-hans", audiences=["elderly"], title="冒充客服退保诈骗")
    assert len(smtp_server.messages) == 2
    rcpt, message = smtp_server.messages[1]
    assert rcpt == ["li@example.org"] and "冒充客服退保诈骗" in message["Subject"]
    assert message.get_body(preferencelist=("html",)) is not None
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = re.fullmatch(r"<(http://127\.0\.0\.1:8000(/\S+))>", message["List-Unsubscribe"].strip()).group(2)
    body = text_part(message)
    assert settings.SITE_BASE_URL + alert.url in body
    links = LINK.findall(body)
    assert Client().get(alert.url).status_code == 200
    manage = next(link for link in links if "/manage/" in link)
    assert Client().get(manage).status_code == 200
    delivery = Delivery.objects.get(syndication__alert=alert, channel="email")
    assert (delivery.state, delivery.sent, delivery.total) == ("sent", 1, 1) and delivery.first_sent_at

    one_click = Client(enforce_csrf_checks=True).post(unsubscribe, "List-Unsubscribe=One-Click",
                                                       content_type="application/x-www-form-urlencoded")
    assert one_click.status_code == 200 and not Subscriber.objects.filter(email="li@example.org").exists()
    publish_alert("zh-hans", audiences=["elderly"], title="又一条预警")
    assert len(smtp_server.messages) == 2  # the next alert does not reach that address


def test_only_matching_confirmed_subscribers_of_the_language_get_it(smtp_server, publish_alert):
    confirmed("all@example.org")
    confirmed("elder@example.org", audiences=["elderly"])
    confirmed("pro@example.org", audiences=["professionals"])
    confirmed("english@example.org", language="en")
    Subscriber.objects.create(email="unconfirmed@example.org", language="zh-hans", consent_text="x")
    publish_alert("zh-hans", audiences=["elderly", "customers"])
    assert sorted(smtp_server.recipients()) == ["all@example.org", "elder@example.org"]


def test_a_correction_of_a_live_alert_is_not_sent_again(smtp_server, publish_alert, django_capture_on_commit_callbacks):
    confirmed("once@example.org")
    alert = publish_alert()
    alert.summary = "Corrected"
    with django_capture_on_commit_callbacks(execute=True):
        alert.save_revision().publish()
    assert smtp_server.recipients() == ["once@example.org"]


def test_scheduled_go_live_dispatches_when_publish_scheduled_runs(smtp_server, publish_alert,
                                                                   django_capture_on_commit_callbacks):
    from django.core.management import call_command

    confirmed("sched@example.org")
    alert = publish_alert(active_from=timezone.now() + timedelta(seconds=1.5))  # the window schedules it
    assert not alert.live and not smtp_server.messages and not Delivery.objects.filter(syndication__alert=alert)
    time.sleep(1.6)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled", stdout=open("/dev/null", "w"))
    alert.refresh_from_db()
    assert alert.live and smtp_server.recipients() == ["sched@example.org"]


def generic_endpoint(receiver, **fields):
    return PartnerEndpoint.objects.create(name="Partner app", url=receiver.url + "/hooks/alerts", secret="s3cret",
                                          **fields)


def test_a_partner_webhook_is_signed_and_carries_the_alert(receiver, publish_alert):
    generic_endpoint(receiver)
    alert = publish_alert("en", audiences=["public"], title="Fake investment apps")
    [request] = receiver.requests
    assert request["path"] == "/hooks/alerts"
    timestamp = request["headers"]["X-Alert-Timestamp"]
    expected = "sha256=" + hmac.new(b"s3cret", timestamp.encode() + b"." + request["body"], hashlib.sha256).hexdigest()
    assert hmac.compare_digest(request["headers"]["X-Alert-Signature"], expected)
    assert abs(int(timestamp) - timezone.now().timestamp()) < 60
    data = json.loads(request["body"])
    assert data["title"] == "Fake investment apps" and data["language"] == "en" and data["audiences"] == ["public"]
    assert data["url"] == settings.SITE_BASE_URL + alert.url
    delivery = Delivery.objects.get(syndication__alert=alert, channel="webhook")
    assert delivery.state == "sent" and delivery.attempts == 1


def test_a_tampered_body_does_not_verify():
    body = b'{"title": "x"}'
    signature = webhooks.sign("s3cret", 1700000000, body)
    assert signature != webhooks.sign("s3cret", 1700000000, body.replace(b"x", b"y"))
    assert signature != webhooks.sign("s3cret", 1700000001, body)


def test_partners_get_only_their_audiences_and_language(receiver, publish_alert):
    from foundation.models import Audience

    elderly_only = generic_endpoint(receiver)
    elderly_only.audiences.set(Audience.objects.filter(slug="elderly"))
    PartnerEndpoint.objects.create(name="English only", url=receiver.url + "/en", secret="x", languages="en")
    publish_alert("zh-hans", audiences=["professionals"])
    assert receiver.requests == []
    publish_alert("en", audiences=["elderly"])
    assert sorted(request["path"] for request in receiver.requests) == ["/en", "/hooks/alerts"]


def test_wecom_and_dingtalk_robots_get_their_text_messages(receiver, publish_alert):
    PartnerEndpoint.objects.create(name="WeCom", kind="wecom", url=receiver.url + "/cgi-bin/webhook/send?key=k")
    PartnerEndpoint.objects.create(name="DingTalk", kind="dingtalk", url=receiver.url + "/robot/send?access_token=t",
                                   secret="SECdemo")
    publish_alert("zh-hans", title="冒充公检法")
    bodies = {request["path"].split("?")[0]: request for request in receiver.requests}
    for request in bodies.values():
        data = json.loads(request["body"])
        assert data["msgtype"] == "text" and "冒充公检法" in data["text"]["content"]
    query = parse_qs(bodies["/robot/send"]["path"].split("?", 1)[1])
    assert query["access_token"] == ["t"] and query["timestamp"][0].isdigit() and query["sign"][0]


def test_a_robot_error_code_is_a_failure(receiver, publish_alert):
    receiver.answer = b'{"errcode": 310000, "errmsg": "sign not match"}'
    PartnerEndpoint.objects.create(name="WeCom", kind="wecom", url=receiver.url + "/send?key=k")
    alert = publish_alert()
    delivery = Delivery.objects.get(syndication__alert=alert, channel="webhook")
    assert delivery.state == "retrying" and "310000" in delivery.last_error


def test_redirects_are_not_followed(receiver, publish_alert):
    receiver.status = 302
    generic_endpoint(receiver)
    alert = publish_alert()
    delivery = Delivery.objects.get(syndication__alert=alert, channel="webhook")
    assert len(receiver.requests) == 1 and delivery.state == "retrying" and "302" in delivery.last_error


def test_servers_down_during_dispatch_are_retried_then_delivered_once(smtp_server, receiver, publish_alert):
    for n in range(7):
        confirmed(f"r{n}@example.org")
    generic_endpoint(receiver)
    smtp_server.stop()
    receiver.stop()
    alert = publish_alert()
    deliveries = {d.channel: d for d in Delivery.objects.filter(syndication__alert=alert)}
    assert deliveries["email"].state == deliveries["webhook"].state == "retrying"
    assert deliveries["email"].next_attempt_at > timezone.now() and "Connection refused" in deliveries["email"].last_error
    assert dispatch.resume() == 0  # not due yet
    dispatch.resume(now=later())  # still down: a second attempt, a longer back-off
    deliveries["email"].refresh_from_db()
    assert deliveries["email"].attempts == 2 and deliveries["email"].state == "retrying"

    smtp_server.start()
    receiver.start()
    assert dispatch.resume(now=later()) == 2
    assert sorted(smtp_server.recipients()) == sorted(f"r{n}@example.org" for n in range(7))
    assert len(receiver.requests) == 1
    for delivery in Delivery.objects.filter(syndication__alert=alert).exclude(channel="manual"):
        assert delivery.state == "sent" and delivery.last_error == ""
    dispatch.resume(now=later(300))
    assert len(smtp_server.messages) == 7 and len(receiver.requests) == 1


def test_a_failed_delivery_gives_up_after_the_last_attempt(receiver, publish_alert):
    generic_endpoint(receiver)
    receiver.status = 503
    alert = publish_alert()
    for attempt in range(dispatch.MAX_ATTEMPTS):
        dispatch.resume(now=later(60 * 24 * (attempt + 1)))
    delivery = Delivery.objects.get(syndication__alert=alert, channel="webhook")
    assert delivery.state == "failed" and delivery.attempts == dispatch.MAX_ATTEMPTS and "503" in delivery.last_error
    assert len(receiver.requests) == dispatch.MAX_ATTEMPTS


class Killed(KeyboardInterrupt):
    """The worker dies: nothing after it runs in this task (not even the outcome being recorded)."""


def kill_dispatch(smtp_server, publish_alert, monkeypatch, settings, before_receipt):
    """23 subscribers, batches of 5 over one connection; the worker dies at the twelfth message (in
    batch 3), before or after the server accepted it; then the dead worker's lease expires and
    ``syndication_resume`` runs."""
    from alerts.syndication import email

    settings.ALERT_EMAIL_BATCH_SIZE = 5
    settings.ALERT_EMAIL_CONNECTIONS = 1
    addresses = [f"k{n:02d}@example.org" for n in range(23)]
    for address in addresses:
        confirmed(address)
    alert = publish_alert(run_tasks=False)  # queued, not yet run: the "worker" runs it below
    delivery = Delivery.objects.get(syndication__alert=alert, channel="email")
    assert delivery.state == "pending" and delivery.total == 23
    record, envelope = email.record, email.AlertMailing.envelope

    def dies_before_sending(mailing, subscriber):
        if EmailReceipt.objects.filter(delivery=delivery).count() == 11:
            raise Killed
        return envelope(mailing, subscriber)

    def dies_before_the_receipt(delivery, outcomes):
        if EmailReceipt.objects.filter(delivery=delivery).count() == 11:
            raise Killed  # the server has accepted the twelfth message; its receipt is never written
        record(delivery, outcomes)

    if before_receipt:
        monkeypatch.setattr(email, "record", dies_before_the_receipt)
    else:
        monkeypatch.setattr(email.AlertMailing, "envelope", dies_before_sending)
    with pytest.raises(Killed):
        dispatch.run(delivery.pk)  # batch 1 queues batch 2, which queues batch 3, which dies
    monkeypatch.setattr(email, "record", record)
    monkeypatch.setattr(email.AlertMailing, "envelope", envelope)
    assert len(smtp_server.messages) == (12 if before_receipt else 11)
    delivery.refresh_from_db()
    assert delivery.state == "pending" and delivery.leased_until  # the dead worker's lease
    assert dispatch.resume() == 0  # nobody takes over a lease that may still be held
    assert dispatch.resume(now=timezone.now() + dispatch.LEASE + timedelta(seconds=1)) == 1
    delivery.refresh_from_db()
    assert delivery.state == "sent" and delivery.sent == 23
    assert EmailReceipt.objects.filter(delivery=delivery).count() == 23
    return addresses


def test_a_worker_killed_mid_dispatch_leaves_nobody_mailed_twice_or_missed(smtp_server, publish_alert, monkeypatch,
                                                                           settings):
    addresses = kill_dispatch(smtp_server, publish_alert, monkeypatch, settings, before_receipt=False)
    assert sorted(smtp_server.recipients()) == addresses  # each exactly once


def test_killed_between_the_servers_ok_and_the_receipt_the_copy_has_the_same_message_id(
        smtp_server, publish_alert, monkeypatch, settings):
    """The one window no client can close (the server accepted, the process died before writing it
    down): the address gets a second copy, which carries the same Message-ID, so it is recognisable."""
    addresses = kill_dispatch(smtp_server, publish_alert, monkeypatch, settings, before_receipt=True)
    received = sorted(smtp_server.recipients())
    assert sorted(set(received)) == addresses and len(received) == 24
    twice = [message["Message-ID"] for rcpt, message in smtp_server.messages if rcpt == ["k11@example.org"]]
    assert len(twice) == 2 and twice[0] == twice[1]


def test_websub_hub_is_named_in_both_feeds_and_pinged_when_an_alert_goes_live(receiver, publish_alert, settings,
                                                                              client):
    settings.WEBSUB_HUB_URL = receiver.url + "/hub"
    for url in ("/feeds/alerts/", "/en/feeds/articles/"):
        feed = feedparser.parse(client.get(url).content)
        links = {link.rel: link.href for link in feed.feed.links}
        assert links["hub"] == receiver.url + "/hub"
        assert links["self"] == settings.SITE_BASE_URL + url
    alert = publish_alert("en")
    [ping] = receiver.requests
    assert parse_qs(ping["body"].decode()) == {"hub.mode": ["publish"],
                                                "hub.url": [settings.SITE_BASE_URL + "/en/feeds/alerts/"]}
    assert Delivery.objects.get(syndication__alert=alert, channel="websub").state == "sent"


def test_without_a_hub_the_feeds_name_none(client, settings):
    settings.WEBSUB_HUB_URL = ""
    assert b'rel="hub"' not in client.get("/feeds/alerts/").content


def test_publishing_an_article_pings_the_hub(receiver, settings, page_of, django_capture_on_commit_callbacks):
    from articles.models import ArticlePage

    settings.WEBSUB_HUB_URL = receiver.url + "/hub"
    article = page_of(ArticlePage, "zh-hans")
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    [ping] = receiver.requests
    assert parse_qs(ping["body"].decode())["hub.url"] == [settings.SITE_BASE_URL + "/feeds/articles/"]


def test_private_addresses_are_refused_when_not_allowed(receiver, publish_alert, settings):
    settings.PARTNER_WEBHOOKS_ALLOW_PRIVATE = False
    PartnerEndpoint.objects.create(name="Loopback", url=receiver.url.replace("http:", "https:"), secret="x")
    alert = publish_alert()
    delivery = Delivery.objects.get(syndication__alert=alert, channel="webhook")
    assert delivery.state == "failed" and "non-public address" in delivery.last_error
    assert receiver.requests == []


PRODUCTION_CHECK = """
import django
django.setup()
from alerts.syndication import webhooks
for url in ["https://127.0.0.1:{port}/", "https://localhost:{port}/", "https://10.1.2.3/", "https://169.254.169.254/",
            "https://[::1]/", "http://203.0.113.9/", "https://192.168.0.1/"]:
    try:
        webhooks.resolve(url)
    except webhooks.RefusedDestination as error:
        print("refused", url, error)
    else:
        print("ALLOWED", url)
"""


def test_private_addresses_are_refused_under_production_settings(receiver, tmp_path):
    env = {"DJANGO_SETTINGS_MODULE": "portal.settings.production", "SECRET_KEY": "test-only-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ",
           "DATABASE_URL": f"sqlite:///{tmp_path}/unused.sqlite3", "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", PRODUCTION_CHECK.format(port=receiver.port)], env=env,
                            capture_output=True, text=True, timeout=120, cwd=settings.BASE_DIR)
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stderr
    assert len(lines) == 7 and all(line.startswith("refused") for line in lines), result.stdout
    assert receiver.requests == []


def test_the_subscriber_links_in_the_mail_are_signed_for_that_subscriber(smtp_server, publish_alert):
    subscriber = confirmed("sig@example.org")
    publish_alert()
    [(_, message)] = smtp_server.messages
    token = re.search(r"/unsubscribe/([^/]+)/", message["List-Unsubscribe"]).group(1)
    assert tokens.subscriber_for(token) == subscriber
    assert message["Message-ID"].startswith("<alert-") and f"-{subscriber.pk}@" in message["Message-ID"]
