"""Subscription mail: the confirmation message and each alert's message, each with a text and an HTML part.

Alert mail carries the RFC 8058 headers (``List-Unsubscribe`` with an HTTPS link and
``List-Unsubscribe-Post: List-Unsubscribe=One-Click``), so a mail client's "unsubscribe" button
works with one POST, and a stable ``Message-ID`` per alert and subscriber.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import sanitize_address
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from foundation.sharing import absolute_url

from .tokens import confirm_token, link, manage_token


def _message(subject, template, context, to, headers=None, connection=None):
    text = render_to_string(f"alerts/email/{template}.txt", context)
    html = render_to_string(f"alerts/email/{template}.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [to], headers=headers or {},
                                     connection=connection)
    message.attach_alternative(html, "text/html")
    return message


def confirmation_message(email, language, audiences, consent_at):
    with translation.override(language):
        token = confirm_token(email, language, audiences, consent_at)
        context = {"confirm_url": link("alert_subscription_confirm", token, language), "language": language,
                   "site_name": settings.WAGTAIL_SITE_NAME}
        return _message(_("Confirm your subscription to fraud alerts"), "confirm", context, email)


MANAGE, UNSUBSCRIBE = "%%MANAGE-URL%%", "%%UNSUBSCRIBE-URL%%"


def _alert_parts(alert, language, rendered):
    """The alert's mail in one language, rendered once per batch (``rendered``, a dict the caller keeps):
    only the two links differ from one person to the next, and they are put in afterwards."""
    key = language
    if key not in rendered:
        with translation.override(language):
            context = {
                "alert": alert, "alert_url": alert.html_url, "manage_url": MANAGE, "unsubscribe_url": UNSUBSCRIBE,
                "site_name": settings.WAGTAIL_SITE_NAME, "severity": alert.get_severity_display(),
                "language": language, "poster_url": absolute_url(alert.poster_url) if alert.poster_url else None,
            }
            rendered[key] = (
                f"[{alert.get_severity_display()}] {alert.title}",
                render_to_string("alerts/email/alert.txt", context),
                render_to_string("alerts/email/alert.html", context),
            )
    return rendered[key]


def _alert_email(alert, language, address, subscriber_id, token, rendered):
    """The alert's ``EmailMultiAlternatives`` for one address, from its parts and the person's links."""
    subject, text, html = _alert_parts(alert, language, rendered)
    with translation.override(language):
        manage_url = link("alert_subscription_manage", token, language)
        unsubscribe_url = link("alert_subscription_unsubscribe", token, language)
    text = text.replace(MANAGE, manage_url).replace(UNSUBSCRIBE, unsubscribe_url)
    html = html.replace(MANAGE, manage_url).replace(UNSUBSCRIBE, unsubscribe_url)
    headers = {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Message-ID": f"<alert-{alert.pk}-{subscriber_id}@{settings.ALERT_MESSAGE_ID_DOMAIN}>",
        "Auto-Submitted": "auto-generated",
    }
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [address], headers=headers)
    message.attach_alternative(html, "text/html")
    return message


# Markers for the personal parts of a composed message: plain ASCII, so a URL pattern takes the
# token's as a token and no header or body encoding changes them.
_ADDRESS, _SUBSCRIBER, _TOKEN = "zqx-address@zqx.invalid", "zqxsubscriberzqx", "zqxtokenzqx"


class AlertMailing:
    """An alert's mail to many subscribers: composed once per language, personalised per person.

    Building and flattening a MIME message (the encoded subject, each part's headers) costs more
    than sending it; for 20,000 subscribers that was most of the send. So each language's message
    is composed once, as the bytes an SMTP server receives, with markers where the personal parts
    go (the address, the subscriber in the ``Message-ID``, the signed token in the two links, all
    ASCII), and each person's copy is those bytes with the markers replaced. Django sends UTF-8
    bodies as 8bit, so a marker is never split or encoded; when that does not hold (a line too long
    for 8bit makes Django switch to quoted-printable) or an address is not ASCII, that message is
    built the ordinary way. Every copy is the same as ``message`` would make (a test compares them).
    """

    def __init__(self, alert):
        self.alert = alert
        self.sender = sanitize_address(settings.DEFAULT_FROM_EMAIL, settings.DEFAULT_CHARSET)
        self._rendered = {}
        self._composed = {}

    def message(self, subscriber):
        """The alert's mail to ``subscriber`` as a Django message (for any mail backend)."""
        return _alert_email(self.alert, subscriber.language, subscriber.email, subscriber.pk,
                            manage_token(subscriber), self._rendered)

    def envelope(self, subscriber):
        """``(recipient, message bytes)`` for ``subscriber``: what an SMTP connection sends."""
        composed = self._compose(subscriber.language) if subscriber.email.isascii() else None
        if composed is None:
            return (sanitize_address(subscriber.email, settings.DEFAULT_CHARSET),
                    self.message(subscriber).message().as_bytes(linesep="\r\n"))
        data = (composed.replace(_ADDRESS.encode(), subscriber.email.encode())
                .replace(_SUBSCRIBER.encode(), str(subscriber.pk).encode())
                .replace(_TOKEN.encode(), manage_token(subscriber).encode()))
        return subscriber.email, data

    def _compose(self, language):
        if language not in self._composed:
            message = _alert_email(self.alert, language, _ADDRESS, _SUBSCRIBER, _TOKEN, self._rendered)
            data = message.message().as_bytes(linesep="\r\n")
            expected = {_ADDRESS: 1, _SUBSCRIBER: 1, _TOKEN: 1 + message.body.count(_TOKEN) + sum(
                content.count(_TOKEN) for content, _mimetype in message.alternatives)}
            intact = all(data.count(marker.encode()) == count for marker, count in expected.items())
            self._composed[language] = data if intact else None
        return self._composed[language]
