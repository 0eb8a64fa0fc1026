"""Template tags for the outreach parts of every page: the fraud-alert banner and the share card."""

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Page

from portal import chrome
from portal.sharing import share_card

register = template.Library()

OG_LOCALES = {"zh-hans": "zh_CN", "en": "en_US"}


@register.inclusion_tag("includes/alert_banner.html")
def alert_banner():
    """The most severe active fraud alert in the visitor's language (cached: ``chrome.alert_banner``)."""
    return {"alert": chrome.alert_banner(translation.get_language())}


@register.inclusion_tag("includes/share_meta.html", takes_context=True)
def share_meta(context):
    """Canonical URL, Open Graph and Twitter card tags for the page (or alert) being shown.

    Pages outside the page tree (search results, errors) get no card: they are not worth sharing.
    """
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk:
        return {}
    card = share_card(page, alert=context.get("alert"))
    language = translation.get_language()
    return {"card": card, "site_name": settings.WAGTAIL_SITE_NAME, "og_locale": OG_LOCALES.get(language, "")}
