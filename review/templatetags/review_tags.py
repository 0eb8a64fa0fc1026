"""Template tags of the review's admin screens."""

from django import template
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

register = template.Library()


@register.simple_tag
def teach_url(instance, request):
    """The prefix of the "confirm or dismiss" links for findings on ``instance``, or "" for users who may not teach."""
    if request is None or not request.user.has_perm("review.add_claimexample"):
        return ""
    content_type = ContentType.objects.get_for_model(instance)
    return reverse("review_teach_prefix", args=[content_type.pk, instance.pk])
