"""The signed links in subscription mail (``django.core.signing`` with the ``SECRET_KEY``).

* confirm: ``{"e": address, "l": language, "a": audiences or None}``, valid ``CONFIRM_DAYS``. The
  sign-up itself is in the link, so an address that asked twice gets two working links and no row
  says more than it must before confirmation.
* manage: ``{"s": subscriber id, "k": the subscriber's key}``, no expiry: in every alert mail, for
  managing, deleting and the one-click unsubscribe (RFC 8058). Erasing a subscriber voids it.
"""

from django.core import signing
from django.urls import reverse
from django.utils import translation

from foundation.sharing import absolute_url

from .models import CONFIRM_DAYS, Subscriber

CONFIRM_SALT = "alerts.subscriptions.confirm"
MANAGE_SALT = "alerts.subscriptions.manage"


def confirm_token(email, language, audiences, consent_at):
    return signing.dumps({"e": email, "l": language, "a": audiences, "t": consent_at}, salt=CONFIRM_SALT,
                         compress=True)


def read_confirm_token(token):
    """The sign-up a confirmation token carries, or None when forged, damaged or expired."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_DAYS * 24 * 3600)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("e"), str) or not isinstance(data.get("l"), str):
        return None
    return data


def manage_token(subscriber):
    return signing.dumps({"s": subscriber.pk, "k": subscriber.key}, salt=MANAGE_SALT)


def well_signed(token):
    try:
        signing.loads(token, salt=MANAGE_SALT)
    except signing.BadSignature:
        return False
    return True


def subscriber_for(token):
    """The subscriber a manage token was made for, or None (forged, or the subscription is gone)."""
    try:
        data = signing.loads(token, salt=MANAGE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("s"), int):
        return None
    return Subscriber.objects.filter(pk=data["s"], key=data.get("k")).first()


def link(url_name, token, language):
    """An absolute link (``SITE_BASE_URL``) to a subscription view in ``language``."""
    with translation.override(language):
        return absolute_url(reverse(url_name, args=[token]))
