"""The fraud-alert banner at the top of every page."""

from django import template
from django.utils import translation

from alerts.banner import alert_banner as banner_for

register = template.Library()


@register.inclusion_tag("includes/alert_banner.html", takes_context=True)
def alert_banner(context):
    """The most severe active fraud alert in the visitor's language (cached: ``alerts.banner``).

    Not on that alert's own page: the banner would only repeat its title above its heading.
    """
    alert = banner_for(translation.get_language())
    request = context.get("request")
    if alert and request is not None and request.path == alert["url"]:
        alert = None
    return {"alert": alert}
