"""What the portal keeps about a subscriber, and for how long.

Stored: the address, the language, the audiences followed (none = all), when the subscription was
asked for and confirmed, and the consent wording shown at that moment (``consent_text``, in the
visitor's language). Nothing else: no IP address, no browser. An unconfirmed subscription is
deleted once its confirmation link has expired (``Subscriber.objects.expired_unconfirmed``,
removed by ``manage.py syndication_resume``); unsubscribing deletes the row and the record of
which alerts were sent to it. ``manage.py subscriber_data export|erase ADDRESS`` answers a
person's request for their data (PIPL articles 45 and 47).
"""

import secrets
from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

CONFIRM_DAYS = 3  # a confirmation link works this long; an unconfirmed subscription is then deleted


def new_key():
    return secrets.token_urlsafe(16)


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def expired_unconfirmed(self, now=None):
        now = now or timezone.now()
        return self.filter(confirmed_at__isnull=True, requested_at__lt=now - timedelta(days=CONFIRM_DAYS))

    def for_alert(self, language_code, audience_slugs):
        """Confirmed subscribers in the alert's language who follow all audiences or one of the alert's."""
        subscribers = self.confirmed().filter(language=language_code)
        if audience_slugs:
            follows = Q(all_audiences=True) | Q(pk__in=SubscriberAudience.objects.filter(slug__in=audience_slugs)
                                                 .values("subscriber_id"))
            subscribers = subscribers.filter(follows)
        return subscribers


class Subscriber(models.Model):
    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(_("language"), max_length=10)
    all_audiences = models.BooleanField(_("all audiences"), default=True)
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    consent_text = models.TextField(_("consent wording"))
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    # Part of every signed link: a new key (after an erase and a new sign-up) voids the old links.
    key = models.CharField(max_length=32, default=new_key, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self):
        return self.email

    @property
    def audience_slugs(self):
        return sorted(row.slug for row in self.audience_rows.all())

    def set_audiences(self, slugs):
        self.all_audiences = not slugs
        self.save(update_fields=["all_audiences"])
        self.audience_rows.all().delete()
        SubscriberAudience.objects.bulk_create([SubscriberAudience(subscriber=self, slug=slug) for slug in set(slugs)])

    def export(self):
        """Everything stored about this subscriber, as a JSON-ready dict."""
        return {
            "email": self.email, "language": self.language,
            "audiences": "all" if self.all_audiences else self.audience_slugs,
            "requested_at": self.requested_at.isoformat(),
            "confirmed_at": self.confirmed_at.isoformat() if self.confirmed_at else None,
            "consent_at": self.consent_at.isoformat() if self.consent_at else None,
            "consent_text": self.consent_text,
            "alerts_sent": [
                {"alert": receipt.delivery.syndication.alert_id, "sent_at": receipt.sent_at.isoformat()}
                for receipt in self.receipts.select_related("delivery__syndication")
            ],
        }


class SubscriberAudience(models.Model):
    """One audience (by its slug, the same in both languages) that a subscriber follows."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="audience_rows")
    slug = models.SlugField(max_length=50)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["subscriber", "slug"], name="unique_subscriber_audience")]
