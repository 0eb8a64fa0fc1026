"""Partner webhooks over HTTPS, against a real TLS server on loopback: certificates are verified.

Production endpoints must be HTTPS (``alerts.syndication.webhooks``). The server's certificate is
self-signed, made by ``openssl`` for 127.0.0.1: untrusted, the delivery fails before any byte of the
alert is sent; trusted (the CA bundle pointed at it, as an operator's private CA would be), the
signed alert arrives over TLS.
"""

import json
import subprocess

import pytest

from alerts.models import Delivery, PartnerEndpoint
from tests.alerts.servers import HTTPReceiver

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tls")
    certfile, keyfile = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(keyfile), "-out", str(certfile)],
                   check=True, capture_output=True, timeout=60)
    return str(certfile), str(keyfile)


@pytest.fixture
def tls_receiver(certificate):
    server = HTTPReceiver(certificate=certificate).start()
    yield server
    server.stop()


def webhook_delivery(tls_receiver, publish_alert):
    PartnerEndpoint.objects.create(name="Partner over TLS", url=tls_receiver.url + "/hooks", secret="s3cret")
    alert = publish_alert("en", title="Fake refund agents over TLS")
    return Delivery.objects.get(syndication__alert=alert, channel="webhook")


def test_an_untrusted_certificate_fails_the_delivery_and_sends_nothing(tls_receiver, publish_alert):
    delivery = webhook_delivery(tls_receiver, publish_alert)
    assert delivery.state != "sent" and "CERTIFICATE_VERIFY_FAILED" in delivery.last_error
    assert tls_receiver.requests == []


def test_a_trusted_certificate_carries_the_signed_alert(tls_receiver, publish_alert, monkeypatch, certificate):
    monkeypatch.setattr("certifi.where", lambda: certificate[0])  # trust this server's own certificate
    delivery = webhook_delivery(tls_receiver, publish_alert)
    assert delivery.state == "sent", delivery.last_error
    [request] = tls_receiver.requests
    assert request["path"] == "/hooks" and request["headers"]["X-Alert-Signature"].startswith("sha256=")
    assert json.loads(request["body"])["title"] == "Fake refund agents over TLS"


def test_a_name_with_one_private_answer_among_public_ones_is_refused(monkeypatch, settings):
    """A host whose DNS answer mixes a public and an internal address is refused, whatever the order."""
    from alerts.syndication import webhooks

    settings.PARTNER_WEBHOOKS_ALLOW_PRIVATE = False
    answers = [(2, 1, 6, "", ("93.184.216.34", 443)), (2, 1, 6, "", ("10.0.0.5", 443))]
    monkeypatch.setattr("socket.getaddrinfo", lambda *args, **kwargs: answers)  # the DNS answer, unit-test only
    with pytest.raises(webhooks.RefusedDestination, match="10.0.0.5"):
        webhooks.resolve("https://partner.example/hooks")
    answers.reverse()
    with pytest.raises(webhooks.RefusedDestination, match="10.0.0.5"):
        webhooks.resolve("https://partner.example/hooks")
