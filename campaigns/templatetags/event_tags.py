"""The upcoming activities shown by the event-list block (``foundation.blocks.EventListBlock``)."""

from django import template
from django.utils import translation

from campaigns.models import EventPage
from foundation.privacy import public

register = template.Library()


@register.simple_tag
def upcoming_events(count):
    """The next ``count`` live activities in the active language."""
    return public(EventPage.objects.live().upcoming()).filter(locale__language_code=translation.get_language())[:count]
