"""Template tags for the site chrome: navigation, language links, breadcrumbs, official contacts, help and report links.

The expensive parts come from ``portal.chrome`` and ``review.hotlines``, which cache them until
content changes.
"""

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Page

from portal import chrome
from portal.models import HelpPage, ReportFormPage
from review.hotlines import footer_contacts as official_footer_contacts

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
    return official_footer_contacts(translation.get_language())


@register.simple_tag(takes_context=True)
def help_page_url(context):
    """The "what to do now" page in the active language ("" until one is published)."""
    return chrome.one_page_url(context["request"], HelpPage, translation.get_language())


@register.simple_tag(takes_context=True)
def report_page_url(context):
    """The "report a suspicious approach" form in the active language, or ""."""
    return chrome.one_page_url(context["request"], ReportFormPage, translation.get_language())


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
