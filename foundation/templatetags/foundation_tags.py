"""Template tags every content app's templates use: the language tag, audiences, share cards, cached fragments."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.safestring import mark_safe
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


class FragmentNode(template.Node):
    def __init__(self, name, parts, nodelist, tags=None, timeout=None):
        self.name, self.parts, self.nodelist, self.tags, self.timeout = name, parts, nodelist, tags, timeout

    def render(self, context):
        request = context.get("request")
        if getattr(request, "is_preview", False):  # a draft: neither read from nor written to the cache
            return self.nodelist.render(context)
        parts = [part.resolve(context) for part in self.parts]
        value = cache.versioned(
            f"fragment:{self.name}", translation.get_language(), *parts,
            compute=lambda: str(self.nodelist.render(context)),
            tags=(self.tags.resolve(context) or ()) if self.tags else (),
            timeout=self.timeout.resolve(context) if self.timeout else None,
        )
        return mark_safe(value)


@register.tag
def fragment(parser, token):
    """``{% fragment name part... [tags=...] [timeout=seconds] %}...{% endfragment %}``: the block,
    rendered once and kept in the cache (``foundation.cache.versioned``) until what it shows changes.

    One entry per ``name``, language and value of each ``part`` (the large view, the listing's
    filters: whatever the block's HTML differs by). It depends on the ``foundation.cache`` tags given
    (``tags=page.cache_dependencies``: what the page shows) and on every cached entry read while it
    renders (the menu, the links), and with ``timeout`` it is also rebuilt that often (what follows
    the clock: a campaign going live). While it is rebuilt by one request the others are served the
    previous copy; a page cached whole (``portal.page_cache``) depends on its fragments in turn.
    A preview (``request.is_preview``) renders a draft: the block is rendered afresh, and the cache
    is neither read (the preview would show the published copy) nor written (visitors would see
    the draft)."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("'fragment' needs a name: {% fragment name part... %}")
    parts, options = [], {}
    for bit in bits[2:]:
        option, equals, value = bit.partition("=")
        if equals and option in ("tags", "timeout"):
            options[option] = parser.compile_filter(value)
        else:
            parts.append(parser.compile_filter(bit))
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(bits[1].strip("\"'"), parts, nodelist, **options)


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
