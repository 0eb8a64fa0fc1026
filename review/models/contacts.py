"""The allow-list of the company's official channels."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index


class OfficialContact(TranslatableMixin, index.Indexed, models.Model):
    """One official channel the site may print: a hotline, a website or an official account.

    This is the allow-list: the footer shows the contacts marked for it, the
    "is this contact official?" check answers from it, and the review checks
    flag any phone number in content that is not listed here.
    """

    class Kind(models.TextChoices):
        PHONE = "phone", _("Phone number")
        WEBSITE = "website", _("Website")
        ACCOUNT = "account", _("Official account")

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PHONE)
    value = models.CharField(
        _("value"), max_length=200, help_text=_("The number, address or account name as people see it.")
    )
    purpose = models.CharField(_("purpose"), max_length=250, blank=True)
    show_in_footer = models.BooleanField(_("show in footer"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    search_fields = [index.SearchField("name"), index.SearchField("value")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("official contact")
        verbose_name_plural = _("official contacts")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return f"{self.name} {self.value}"

    @property
    def href(self):
        """A link for the channel: ``tel:`` for phones, the address for websites."""
        if self.kind == self.Kind.PHONE:
            return "tel:" + "".join(ch for ch in self.value if ch.isdigit() or ch == "+")
        if self.kind == self.Kind.WEBSITE:
            return self.value if "://" in self.value else f"https://{self.value}"
        return ""
