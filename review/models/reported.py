"""Contacts reviewers have seen used in scams, and how often visitors asked the contact check."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .contacts import OfficialContact

# What a reporter's identity looks like in a note: a mobile number, an e-mail address, an ID card number.
IDENTITY = re.compile(r"1[3-9]\d{9}|[\w.+-]+@[\w-]+\.[\w.]+|\d{17}[\dXx]")


class ReportedContact(models.Model):
    """A phone number, website or account reported as fraudulent, as the contact check shows it.

    Reviewers enter it by hand or copy it from a report (report handlers, who read the reports,
    may add one too), and the check then tells visitors it is not official and was reported on
    ``reported_on``. It holds the fraudster's contact, never the reporter's: no name, no phone
    number, no link to the report, and a note that names nobody (``clean`` refuses a note with a
    mobile number, an e-mail address or an ID card number in it). Published as an Atom feed.
    """

    class Kind(models.TextChoices):  # the keys of ``OfficialContact.Kind``: the check compares the two
        PHONE = OfficialContact.Kind.PHONE.value, _("Phone number")
        WEBSITE = OfficialContact.Kind.WEBSITE.value, _("Website")
        ACCOUNT = OfficialContact.Kind.ACCOUNT.value, _("Account")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PHONE)
    value = models.CharField(_("number, website or account"), max_length=200, help_text=_("As the fraudster used it."))
    note = models.TextField(
        _("note"), max_length=500, blank=True,
        help_text=_("What it was used for (\"poses as a refund agent\"). Never the reporter's name or contact details."),
    )
    reported_on = models.DateField(_("reported on"), default=timezone.localdate)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("reported contact")
        verbose_name_plural = _("reported contacts")
        ordering = ["-reported_on", "value"]

    def __str__(self):
        return self.value

    def clean(self):
        if IDENTITY.search(self.note.replace(" ", "").replace("-", "")):
            raise ValidationError({"note": _("The note must not hold a phone number, e-mail address or ID number: "
                                             "write what the contact was used for, not who reported it.")})


class CheckCount(models.Model):
    """How many checks of one kind (phone, website, account, message) visitors ran on one day.

    The only trace a check leaves: never what was checked, nor who asked."""

    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=10)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("check count")
        constraints = [models.UniqueConstraint(fields=["date", "kind"], name="review_checkcount_date_kind")]

    @classmethod
    def add_one(cls, kind):
        row, _ = cls.objects.get_or_create(date=timezone.localdate(), kind=kind)
        cls.objects.filter(pk=row.pk).update(count=models.F("count") + 1)
