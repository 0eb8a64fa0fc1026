"""Subscription mail: the confirmation message and each alert's message, each with a text and an HTML part.

Alert mail carries the RFC 8058 headers (``List-Unsubscribe`` with an HTTPS link and
``List-Unsubscribe-Post: List-Unsubscribe=One-Click``), so a mail client's "unsubscribe" button
works with one POST, and a stable ``Message-ID`` per alert and subscriber.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
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


def alert_message(alert, subscriber, connection=None, rendered=None):
    language = subscriber.language
    subject, text, html = _alert_parts(alert, language, {} if rendered is None else rendered)
    token = manage_token(subscriber)
    with translation.override(language):
        manage_url = link("alert_subscription_manage", token, language)
        unsubscribe_url = link("alert_subscription_unsubscribe", token, language)
    text = text.replace(MANAGE, manage_url).replace(UNSUBSCRIBE, unsubscribe_url)
    html = html.replace(MANAGE, manage_url).replace(UNSUBSCRIBE, unsubscribe_url)
    headers = {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Message-ID": f"<alert-{alert.pk}-{subscriber.pk}@{settings.ALERT_MESSAGE_ID_DOMAIN}>",
        "Auto-Submitted": "auto-generated",
    }
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [subscriber.email], headers=headers,
                                     connection=connection)
    message.attach_alternative(html, "text/html")
    return message
