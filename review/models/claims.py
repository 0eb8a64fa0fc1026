"""The misleading-claim dictionary used by the consumer-protection review."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class ClaimRule(models.Model):
    """A phrase (or regular expression) that must not appear in public content.

    Reviewers maintain these as snippets, so a new misleading phrase seen in the
    field (say "保本保息") is blocked without a deploy.
    """

    class Severity(models.TextChoices):
        ERROR = "error", _("Error: blocks approval")
        WARNING = "warning", _("Warning: shown to the reviewer")

    class Language(models.TextChoices):
        ANY = "any", _("Any language")
        CHINESE = "zh-hans", _("Chinese")
        ENGLISH = "en", _("English")

    phrase = models.CharField(_("phrase or pattern"), max_length=200)
    is_pattern = models.BooleanField(
        _("regular expression"), default=False, help_text=_("Treat the phrase as a regular expression.")
    )
    language = models.CharField(_("language"), max_length=8, choices=Language.choices, default=Language.ANY)
    severity = models.CharField(_("severity"), max_length=8, choices=Severity.choices, default=Severity.ERROR)
    explanation = models.CharField(_("explanation"), max_length=300)

    class Meta:
        verbose_name = _("claim rule")
        verbose_name_plural = _("claim rules")
        ordering = ["language", "phrase"]

    def __str__(self):
        return self.phrase

    def clean(self):
        if self.is_pattern:
            try:
                re.compile(self.phrase)
            except re.error as error:
                raise ValidationError({"phrase": _("Not a valid regular expression: %s") % error}) from error
