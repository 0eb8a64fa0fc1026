"""Partner webhooks: the bodies, the signature, and a request that goes only where it is allowed.

Generic endpoints get JSON with the alert's fields and links, signed: ``X-Alert-Timestamp`` (Unix
seconds) and ``X-Alert-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the
endpoint's secret>``; a receiver recomputes it and refuses old timestamps (replays). WeCom and
DingTalk group robots get their documented text message (``{"msgtype": "text", ...}``); DingTalk's
"signed" robots get ``timestamp`` and ``sign`` in the query string, as DingTalk describes.

Every request: the host is resolved once and the connection made to the first address of that
answer (so a DNS answer cannot change between the check and the request); no address of the
answer may be private, loopback,
link-local, multicast or reserved unless ``PARTNER_WEBHOOKS_ALLOW_PRIVATE``; HTTPS with verified
certificates; ``PARTNER_WEBHOOK_TIMEOUT``; redirects are not followed (a 3xx is a failure).
"""

import base64
import hashlib
import hmac
import ipaddress
import json
import socket
import time
from urllib.parse import quote, urlsplit

import certifi
import urllib3
from django.conf import settings
from django.utils import translation

from foundation.sharing import absolute_url

SIGNATURE_HEADER = "X-Alert-Signature"
TIMESTAMP_HEADER = "X-Alert-Timestamp"


class DeliveryError(Exception):
    pass


class RefusedDestination(DeliveryError):
    """Never retried: the address is not allowed."""


def sign(secret, timestamp, body):
    return "sha256=" + hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


def alert_fields(alert):
    with translation.override(alert.locale.language_code):
        return {
            "event": "alert.published", "id": alert.pk, "translation_key": str(alert.translation_key),
            "language": alert.locale.language_code, "title": alert.title, "severity": alert.severity,
            "severity_label": str(alert.get_severity_display()), "summary": alert.summary,
            "audiences": alert.audience_slugs, "active_from": alert.active_from.isoformat(),
            "active_until": alert.active_until.isoformat() if alert.active_until else None,
            "url": alert.html_url, "poster_url": absolute_url(alert.poster_url) if alert.poster_url else None,
            "more_information": alert.link or None,
        }


def robot_text(alert):
    fields = alert_fields(alert)
    lines = [f"[{fields['severity_label']}] {fields['title']}", fields["summary"]]
    return "\n".join(lines + [fields["url"]] if fields["url"] else lines)


def request_for(endpoint, alert, timestamp=None):
    """``(url, body bytes, headers)`` for one endpoint."""
    timestamp = int(timestamp or time.time())
    url = endpoint.url
    headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": "portal-alerts/1"}
    if endpoint.kind == "generic":
        body = json.dumps(alert_fields(alert), ensure_ascii=False).encode()
        headers[TIMESTAMP_HEADER] = str(timestamp)
        headers[SIGNATURE_HEADER] = sign(endpoint.secret, timestamp, body)
    else:
        body = json.dumps({"msgtype": "text", "text": {"content": robot_text(alert)}}, ensure_ascii=False).encode()
        if endpoint.kind == "dingtalk" and endpoint.secret:
            millis = timestamp * 1000
            digest = hmac.new(endpoint.secret.encode(), f"{millis}\n{endpoint.secret}".encode(), hashlib.sha256)
            signature = quote(base64.b64encode(digest.digest()).decode(), safe="")
            url += ("&" if "?" in url else "?") + f"timestamp={millis}&sign={signature}"
    return url, body, headers


def resolve(url):
    """``(scheme, host, port, address)`` for ``url``, or ``RefusedDestination``."""
    parts = urlsplit(url)
    allow_private = settings.PARTNER_WEBHOOKS_ALLOW_PRIVATE
    if parts.scheme != "https" and not (allow_private and parts.scheme == "http"):
        raise RefusedDestination("only HTTPS addresses are allowed")
    if not parts.hostname:
        raise RefusedDestination("no host in the address")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise DeliveryError(f"cannot resolve {parts.hostname}: {error}") from error
    # Every answer is checked, not only the one connected to: a name that also points inside the
    # network is refused outright rather than trusted on the luck of the answers' order.
    addresses = [ipaddress.ip_address(info[4][0]) for info in infos]
    for address in addresses:
        if not allow_private and not address.is_global:  # private, loopback, link-local, reserved, shared...
            raise RefusedDestination(f"{parts.hostname} resolves to a non-public address ({address})")
        if address.is_multicast or address.is_unspecified:
            raise RefusedDestination(f"{parts.hostname} resolves to {address}")
    return parts.scheme, parts.hostname, port, str(addresses[0])


def post(url, body, headers):
    """POST to the resolved, checked address; returns the status. Raises ``DeliveryError`` unless 2xx."""
    scheme, host, port, address = resolve(url)
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    timeout = urllib3.Timeout(total=settings.PARTNER_WEBHOOK_TIMEOUT)
    if scheme == "https":
        pool = urllib3.HTTPSConnectionPool(address, port, timeout=timeout, retries=False, server_hostname=host,
                                           assert_hostname=host, cert_reqs="CERT_REQUIRED", ca_certs=certifi.where())
    else:
        pool = urllib3.HTTPConnectionPool(address, port, timeout=timeout, retries=False)
    host_header = host if port in (80, 443) else f"{host}:{port}"
    try:
        response = pool.urlopen("POST", path, body=body, headers={**headers, "Host": host_header}, redirect=False,
                                preload_content=True)
    except urllib3.exceptions.HTTPError as error:
        raise DeliveryError(f"{type(error).__name__}: {error}") from error
    finally:
        pool.close()
    if not 200 <= response.status < 300:
        raise DeliveryError(f"HTTP {response.status}")
    if "json" in (response.headers.get("Content-Type") or "") and response.data:
        # The robots answer 200 with {"errcode": n, "errmsg": ...}: only 0 means posted.
        try:
            answer = json.loads(response.data)
        except ValueError:
            answer = {}
        if isinstance(answer, dict) and answer.get("errcode", 0) != 0:
            raise DeliveryError(f"errcode {answer.get('errcode')}: {str(answer.get('errmsg', ''))[:200]}")
    return response.status


def deliver(endpoint, alert):
    return post(*request_for(endpoint, alert))
