"""The fraud-alert banner at the top of every page."""

from django import template
from django.utils import translation

from alerts.banner import alert_banner as banner_for

register = template.Library()


@register.inclusion_tag("includes/alert_banner.html")
def alert_banner():
    """The most severe active fraud alert in the visitor's language (cached: ``alerts.banner``)."""
    return {"alert": banner_for(translation.get_language())}
