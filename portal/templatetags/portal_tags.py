"""Template tags for the site chrome: navigation, language links, breadcrumbs, official contacts.

The expensive parts come from ``portal.chrome``, which caches them until content changes.
"""

from django import template
from django.apps import apps
from django.conf import settings
from django.utils import translation
from wagtail.models import Page

from portal import chrome
from portal.models import Audience
from portal.privacy import public

register = template.Library()


def _links(context):
    """The cached links of the page being shown, or None outside the page tree (search, errors)."""
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk:
        return None
    request = context["request"]
    if not hasattr(request, "_portal_links"):
        request._portal_links = chrome.page_links(request, page, translation.get_language())
    return request._portal_links


@register.simple_tag(takes_context=True)
def home_link(context):
    """``(title, url, pk)`` of the home page in the active language."""
    links = _links(context)
    if links:
        return links["home"]
    return chrome.home_links(context["request"]).get(translation.get_language(), ("", "/", None))


@register.simple_tag(takes_context=True)
def main_menu(context):
    home_id = home_link(context)[2]
    return chrome.menu_items(context["request"], home_id) if home_id else []


@register.simple_tag
def footer_contacts():
    return chrome.footer_contacts(translation.get_language())


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language: the translated page when it exists and is live, else that language's home."""
    request = context["request"]
    links = _links(context)
    translated = links["languages"] if links else {}
    current = translation.get_language()
    result = []
    homes = chrome.home_links(request)
    for code, name in settings.LANGUAGES:
        url = translated.get(code) or homes.get(code, ("", "/", None))[1]
        result.append({"code": code, "name": name, "url": url, "current": code == current, "translated": code in translated})
    return result


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    """``[(title, url)]`` from the home page down to the current page's parent."""
    links = _links(context)
    return links["crumbs"] if links else []


@register.simple_tag
def content_version():
    """The content version (``portal.chrome``), for ``{% cache %}`` keys of fragments built from other pages.

    Publishing anything bumps it, so such a fragment is never stale after a change; templates
    still give those fragments a short lifetime (60 s) for what follows the clock, such as an
    alert's window or a campaign going live."""
    return chrome.version()


@register.filter
def html_lang(language_code):
    """``zh-hans`` -> ``zh-Hans`` (the BCP 47 form for ``<html lang>``)."""
    return "zh-Hans" if language_code == "zh-hans" else language_code


@register.simple_tag
def audiences():
    return Audience.objects.filter(locale__language_code=translation.get_language())


@register.simple_tag
def upcoming_events(count):
    """The next ``count`` live activities in the active language (for the event-list block)."""
    event_page = apps.get_model("campaigns", "EventPage")
    return public(event_page.objects.live().upcoming()).filter(locale__language_code=translation.get_language())[:count]
