"""Template tags for the site chrome: navigation, language links, breadcrumbs, official contacts."""

from django import template
from django.apps import apps
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page, Site

from portal.models import Audience, OfficialContact

register = template.Library()


def _home_for(request):
    """The home page in the active language (the site root or its translation), cached on the request."""
    if not hasattr(request, "_portal_home"):
        site = Site.find_for_request(request)
        root = site.root_page if site else None
        request._portal_home = root.localized.specific if root else None
    return request._portal_home


@register.simple_tag(takes_context=True)
def home_page(context):
    return _home_for(context["request"])


@register.simple_tag(takes_context=True)
def main_menu(context):
    home = _home_for(context["request"])
    if home is None:
        return Page.objects.none()
    return home.get_children().live().public().in_menu()


@register.simple_tag
def footer_contacts():
    return OfficialContact.objects.filter(locale=Locale.get_active(), show_in_footer=True)


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language: the translated page when it exists and is live, else that language's home."""
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        for translated in page.get_translations(inclusive=True).live().public().select_related("locale"):
            translations[translated.locale.language_code] = translated
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url = target.get_url(request)
        else:
            with translation.override(code):
                home = Site.find_for_request(request).root_page.localized
                url = home.get_url(request)
        links.append(
            {"code": code, "name": name, "url": url, "current": code == current, "translated": target is not None}
        )
    return links


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """Ancestors of ``page`` from the home page down, excluding the page itself."""
    home = _home_for(context["request"])
    if home is None or page.pk == home.pk:
        return []
    return page.get_ancestors().filter(depth__gte=home.depth).live()


@register.filter
def html_lang(language_code):
    """``zh-hans`` -> ``zh-Hans`` (the BCP 47 form for ``<html lang>``)."""
    return "zh-Hans" if language_code == "zh-hans" else language_code


@register.simple_tag
def audiences():
    return Audience.objects.filter(locale=Locale.get_active())


@register.simple_tag
def upcoming_events(count):
    """The next ``count`` live activities in the active language (for the event-list block)."""
    event_page = apps.get_model("campaigns", "EventPage")
    return event_page.objects.live().public().upcoming().filter(locale=Locale.get_active())[:count]
