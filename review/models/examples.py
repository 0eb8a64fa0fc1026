"""What reviewers teach the pre-check: labelled sentences, and findings they dismissed."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from review import kinds


class ClaimExample(models.Model):
    """A sentence a reviewer labelled, added to the shipped corpus when the classifier trains.

    Confirming a finding stores the sentence with the kind it was found as; dismissing one stores
    it as legitimate. Reviewers can also add or correct examples here (a snippet), and each change
    retrains the classifier (``review.classifier``) in the task worker.
    """

    class Language(models.TextChoices):
        CHINESE = "zh-hans", _("Chinese")
        ENGLISH = "en", _("English")

    text = models.CharField(_("sentence"), max_length=500)
    language = models.CharField(_("language"), max_length=8, choices=Language.choices)
    kind = models.CharField(_("kind"), max_length=30, choices=kinds.choices)
    explanation = models.CharField(_("explanation"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("taught by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("taught at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("labelled example")
        verbose_name_plural = _("labelled examples")
        ordering = ["-created_at"]

    def __str__(self):
        return self.text[:80]


class DismissedFinding(models.Model):
    """A finding a reviewer dismissed on one page or snippet: the same sentence is not raised there again."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    fingerprint = models.CharField(max_length=64, help_text="SHA-256 of the normalised sentence")
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dismissed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("dismissed finding")
        verbose_name_plural = _("dismissed findings")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "fingerprint"], name="unique_dismissed_finding")
        ]
