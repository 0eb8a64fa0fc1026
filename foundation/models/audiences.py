"""The publicity groups content is aimed at."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index

ICON_CHOICES = [
    ("public", _("General public")),
    ("customers", _("Customers")),
    ("professionals", _("Insurance professionals")),
    ("elderly", _("Older people")),
]


class Audience(TranslatableMixin, index.Indexed, models.Model):
    """A publicity group: the general public, customers, insurance professionals, older people.

    A translatable snippet (``TranslatableMixin``): each locale has its own copy
    with the same ``slug`` and ``translation_key``, so filters use the slug and
    work in both languages while names are shown in the visitor's language.
    See https://docs.wagtail.org/en/stable/topics/snippets/features.html#making-snippets-translatable
    """

    slug = models.SlugField(_("slug"), max_length=50)
    name = models.CharField(_("name"), max_length=80)
    description = models.TextField(_("description"), blank=True)
    icon = models.CharField(_("icon"), max_length=20, choices=ICON_CHOICES, default="public")
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_audience_slug_per_locale")
        ]

    def __str__(self):
        return self.name
