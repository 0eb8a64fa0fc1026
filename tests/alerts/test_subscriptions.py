"""Subscribing to alerts: the form in both languages, double opt-in, the same answer for any address,
honeypot, rate limit, signed links that expire or are void, manage and delete, export and erase."""

import json
import re

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from alerts.subscriptions import tokens
from alerts.subscriptions.models import Subscriber

from .people import confirmed

pytestmark = pytest.mark.django_db
LINK = re.compile(r"http://127\.0\.0\.1:8000(/\S+/)")


def sign_up(client, email="ann@example.org", language="zh-hans", audiences=("elderly",), prefix=""):
    return client.post(f"{prefix}/alerts/subscribe/", {
        "email": email, "language": language, "audiences": list(audiences), "consent": "on", "homepage_url": "",
    })


def confirm_path(message):
    return LINK.search(message.body).group(1)


@pytest.mark.parametrize("prefix, heading, notice", [
    ("", "订阅诈骗预警", "您的电子邮件地址"), ("/en", "Subscribe to fraud alerts", "We use your e-mail address"),
])
def test_the_form_works_without_javascript_in_both_languages(client, prefix, heading, notice):
    response = client.get(f"{prefix}/alerts/subscribe/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script" not in html.split("<main", 1)[-1].split("</main>", 1)[0]
    assert '<form method="post"' in html and 'name="email"' in html and 'type="checkbox" name="consent"' in html
    assert '<div class="honeypot" aria-hidden="true">' in html and 'tabindex="-1"' in html
    assert '<legend>' in html and 'value="elderly"' in html
    if prefix == "/en":  # the Chinese wording depends on the translations compiled from locale/
        assert heading in html and notice in html


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_alerts_page_links_to_the_form(client, language):
    from wagtail.models import Locale

    from alerts.models import AlertIndexPage

    page = AlertIndexPage.objects.live().get(locale=Locale.objects.get(language_code=language))
    prefix = "/en" if language == "en" else ""
    assert f'href="{prefix}/alerts/subscribe/"' in client.get(page.url).content.decode()


def test_sign_up_mails_a_confirmation_and_stores_nothing_until_confirmed(client):
    response = sign_up(client)
    assert response.status_code == 302 and response["Location"] == "/alerts/subscribe/?sent=1"
    assert not Subscriber.objects.exists()
    [message] = mail.outbox
    assert message.to == ["ann@example.org"]
    assert message.alternatives and message.alternatives[0][1] == "text/html"
    path = confirm_path(message)
    assert client.get(path).status_code == 200
    assert not Subscriber.objects.exists()  # a link scanner fetching the link confirms nothing
    response = client.post(path)
    assert response.status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.confirmed_at and subscriber.consent_at and subscriber.language == "zh-hans"
    assert subscriber.audience_slugs == ["elderly"] and not subscriber.all_audiences
    assert subscriber.consent_text  # the notice as shown, in the visitor's language


def test_english_sign_up_links_and_mail_are_english(client):
    sign_up(client, language="en", audiences=(), prefix="/en")
    [message] = mail.outbox
    assert "confirm" in message.subject.lower()
    assert confirm_path(message).startswith("/en/alerts/subscribe/confirm/")
    client.post(confirm_path(message))
    assert Subscriber.objects.get().all_audiences


def test_the_answer_is_the_same_for_a_known_and_an_unknown_address(client):
    sign_up(client, email="known@example.org")
    client.post(confirm_path(mail.outbox[0]))
    known = sign_up(Client(), email="known@example.org")
    unknown = sign_up(Client(), email="unknown@example.org")
    assert known.status_code == unknown.status_code == 302 and known["Location"] == unknown["Location"]
    assert Client().get(known["Location"]).content == Client().get(unknown["Location"]).content


def test_the_honeypot_sends_nothing(client):
    response = client.post("/alerts/subscribe/", {"email": "bot@example.org", "language": "en", "consent": "on",
                                                  "homepage_url": "http://spam.example"})
    assert response.status_code == 302 and not mail.outbox


@pytest.mark.parametrize("data", [
    {"email": "not an address", "language": "en", "consent": "on"},
    {"email": "a@example.org", "language": "fr", "consent": "on"},
    {"email": "a@example.org", "language": "en"},  # no consent
    {"email": "a@example.org", "language": "en", "consent": "on", "audiences": ["nobody"]},
    {"email": "x" * 300 + "@example.org", "language": "en", "consent": "on"},
])
def test_bad_input_is_a_400_with_the_errors(client, data):
    response = client.post("/alerts/subscribe/", data)
    assert response.status_code == 400
    assert b'class="errorlist' in response.content or b'class="field__error"' in response.content
    assert not mail.outbox


def test_sign_ups_are_rate_limited_per_address(client):
    statuses = [sign_up(client, email=f"p{n}@example.org").status_code for n in range(12)]
    assert statuses[:10] == [302] * 10 and statuses[10:] == [429, 429]


def test_one_confirmation_mail_per_address_in_ten_minutes(client):
    sign_up(client)
    sign_up(client)
    assert len(mail.outbox) == 1


def test_a_confirmation_link_expires_and_cannot_be_forged(client, monkeypatch):
    import time as time_module

    real = time_module.time
    monkeypatch.setattr(signing.time, "time", lambda: real() - 4 * 24 * 3600)
    old = tokens.confirm_token("old@example.org", "en", None, "2026-01-01T00:00:00")
    monkeypatch.setattr(signing.time, "time", real)
    assert client.post(f"/en/alerts/subscribe/confirm/{old}/").status_code == 400
    assert client.get("/en/alerts/subscribe/confirm/forged:token/").status_code == 400
    forged = signing.dumps({"e": "x@example.org", "l": "en"}, salt="another purpose")
    assert client.post(f"/en/alerts/subscribe/confirm/{forged}/").status_code == 400
    assert not Subscriber.objects.exists()


def test_the_manage_link_changes_choices_and_deletes(client):
    subscriber = confirmed("bo@example.org", "en")
    token = tokens.manage_token(subscriber)
    page = client.get(f"/en/alerts/subscribe/manage/{token}/")
    assert page.status_code == 200 and b"bo@example.org" in page.content
    response = client.post(f"/en/alerts/subscribe/manage/{token}/", {"language": "zh-hans", "audiences": ["public"]})
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.language == "zh-hans" and subscriber.audience_slugs == ["public"]
    assert client.post(f"/en/alerts/subscribe/manage/{token}/", {"language": "xx"}).status_code == 400
    assert client.post(f"/en/alerts/subscribe/manage/{token}/", {"delete": "1"}).status_code == 200
    assert not Subscriber.objects.exists()
    assert client.get(f"/en/alerts/subscribe/manage/{token}/").status_code == 404


def test_a_manage_link_is_void_once_the_address_signs_up_again():
    old = confirmed("bo@example.org", "en")
    token = tokens.manage_token(old)
    old.delete()
    confirmed("bo@example.org", "en")
    assert tokens.subscriber_for(token) is None
    assert Client().get(f"/en/alerts/subscribe/manage/{token}/").status_code == 404
    assert Client().get("/en/alerts/subscribe/manage/garbage/").status_code == 404


def test_one_click_unsubscribe_needs_no_cookie_and_no_csrf_token():
    subscriber = confirmed("bo@example.org", "en")
    token = tokens.manage_token(subscriber)
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/en/alerts/subscribe/unsubscribe/{token}/", "List-Unsubscribe=One-Click",
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200 and not Subscriber.objects.exists()
    again = client.post(f"/en/alerts/subscribe/unsubscribe/{token}/", "List-Unsubscribe=One-Click",
                        content_type="application/x-www-form-urlencoded")
    assert again.status_code == 200  # a repeated POST is fine
    assert client.post("/en/alerts/subscribe/unsubscribe/forged/").status_code == 400


def test_export_and_erase_one_address(capsys):
    subscriber = confirmed("cy@example.org", "en", audiences=["elderly"])
    confirmed("other@example.org", "en")
    call_command("subscriber_data", "export", "CY@example.org")
    data = json.loads(capsys.readouterr().out)
    assert data["email"] == "cy@example.org" and data["audiences"] == ["elderly"] and data["consent_text"] == "x"
    call_command("subscriber_data", "erase", "cy@example.org")
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()
    assert Subscriber.objects.filter(email="other@example.org").exists()
    with pytest.raises(CommandError):
        call_command("subscriber_data", "export", "cy@example.org")


def test_unconfirmed_sign_ups_are_deleted_after_three_days():
    from datetime import timedelta

    from django.utils import timezone

    stale = Subscriber.objects.create(email="s@example.org", language="en", consent_text="x",
                                      requested_at=timezone.now() - timedelta(days=4))
    fresh = Subscriber.objects.create(email="f@example.org", language="en", consent_text="x")
    kept = confirmed("k@example.org", "en")
    kept.requested_at = timezone.now() - timedelta(days=40)
    kept.save()
    call_command("syndication_resume", stdout=open("/dev/null", "w"))
    assert set(Subscriber.objects.values_list("pk", flat=True)) == {fresh.pk, kept.pk} and stale.pk
