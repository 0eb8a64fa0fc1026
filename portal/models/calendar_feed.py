"""The secret behind each staff member's calendar feed URL (``portal.staff_calendar.feed``)."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_secret():
    return secrets.token_urlsafe(24)


class CalendarFeedKey(models.Model):
    """One random secret per user; the feed URL carries it, signed with the site's ``SECRET_KEY``.

    A calendar app fetches the feed without a session, so the URL itself is the credential.
    Resetting replaces the secret, and every URL made from the old one answers 404 from then on.
    A leaked database row alone does not make a URL: the signature needs ``SECRET_KEY`` too.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed_key", verbose_name=_("user")
    )
    secret = models.CharField(_("secret"), max_length=64, unique=True, default=new_secret)
    created_at = models.DateTimeField(_("created at"), auto_now=True)

    class Meta:
        verbose_name = _("calendar feed key")
        verbose_name_plural = _("calendar feed keys")

    def __str__(self):
        return str(self.user)

    def reset(self):
        self.secret = new_secret()
        self.save(update_fields=["secret", "created_at"])
