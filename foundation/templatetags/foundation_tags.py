"""Template tags every content app's templates use: the language tag, audiences, share cards, cache keys."""

import hashlib
import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from wagtail.models import Page

from foundation import cache
from foundation.models import Audience
from foundation.sharing import absolute_url, share_card

register = template.Library()


@register.filter
def absolute(url):
    """``url`` on ``SITE_BASE_URL``: absolute links never take the request's Host header (which a client sets)."""
    return absolute_url(url)

OG_LOCALES = {"zh-hans": "zh_CN", "en": "en_US"}


@register.filter
def html_lang(language_code):
    """``zh-hans`` -> ``zh-Hans`` (the BCP 47 form for ``<html lang>``)."""
    return "zh-Hans" if language_code == "zh-hans" else language_code


@register.simple_tag(takes_context=True)
def content_version(context, page=None):
    """A token for ``{% cache %}`` keys of fragments built from other pages: it changes when what
    ``page`` shows changes (``page.cache_dependencies()``, ``foundation.cache``), and only then.

    So publishing an article renews the home page's listings but not a film page's; templates
    still give those fragments a short lifetime (60 s) for what follows the clock, such as an
    alert's window or a campaign going live. Without a page: a token that only ``forget`` renews.

    A preview (``request.is_preview``) renders a draft: its token names the draft, never a published
    version, so a preview neither shows a visitor's cached copy nor leaves the draft in one."""
    request = context.get("request")
    if page is not None and getattr(request, "is_preview", False):
        draft = json.dumps(page.serializable_data(), cls=DjangoJSONEncoder, sort_keys=True)
        return "preview-" + hashlib.blake2b(draft.encode(), digest_size=8).hexdigest()
    tags = [cache.EVERYTHING, *(page.cache_dependencies() if page is not None else ())]
    versions = cache.tag_versions(tags)
    cache.depends_on(versions)
    return hashlib.blake2b(repr(sorted(versions.items())).encode(), digest_size=8).hexdigest()


@register.simple_tag
def audiences():
    return Audience.objects.filter(locale__language_code=translation.get_language())


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
