"""``/sitemap.xml``: every live public page and alert page of both languages, with hreflang alternates.

Wagtail's own sitemap lists the pages under the site's root page only, which is the Chinese home
page: the English tree, a translation of it, would be missing. Here each entry carries
``<xhtml:link rel="alternate" hreflang="…">`` links to its translations (pages and alerts share a
``translation_key`` with their translations), plus ``x-default`` for the default language, so
search engines show each visitor the version in their language. Django's sitemap view and
template write the XML; locations are on the public site address (``foundation.sharing``).

See https://developers.google.com/search/docs/specialty/international/localized-versions#sitemap
"""

from collections import defaultdict
from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, Site

from alerts.models import FraudAlert, alert_page_urls
from foundation.models import language_code_of
from foundation.privacy import public
from foundation.sharing import absolute_url
from foundation.templatetags.foundation_tags import html_lang


class TranslatedSitemap(Sitemap):
    """Entries for translatable objects; those sharing a ``translation_key`` are each other's alternates."""

    def location(self, obj):
        return absolute_url(obj.url)

    def lastmod(self, obj):
        return obj.last_published_at

    def get_urls(self, page=1, site=None, protocol=None):
        objects = list(self.paginator.page(page).object_list)
        # All translations of this page of entries, even those on another sitemap page.
        translations = defaultdict(list)
        for other in self.items().filter(translation_key__in={obj.translation_key for obj in objects}):
            translations[other.translation_key].append(other)
        urls = [
            {"item": obj, "location": self.location(obj), "lastmod": self.lastmod(obj),
             "alternates": self.alternates_of(translations[obj.translation_key])}
            for obj in objects
        ]
        lastmods = [url["lastmod"] for url in urls if url["lastmod"]]
        self.latest_lastmod = max(lastmods) if lastmods else None
        return urls

    def alternates_of(self, versions):
        if len(versions) < 2:
            return []
        links = {language_code_of(version.locale_id): self.location(version) for version in versions}
        alternates = [{"lang_code": html_lang(code), "location": url} for code, url in sorted(links.items())]
        if settings.LANGUAGE_CODE in links:
            alternates.append({"lang_code": "x-default", "location": links[settings.LANGUAGE_CODE]})
        return alternates


class PageSitemap(TranslatedSitemap):
    def items(self):
        site = Site.objects.select_related("root_page").get(is_default_site=True)
        trees = reduce(or_, (Q(path__startswith=root.path) for root in site.root_page.get_translations(inclusive=True)))
        return public(Page.objects.live().filter(trees)).defer_streamfields().order_by("path")


class AlertSitemap(TranslatedSitemap):
    """Each published alert's own page, once its active window has opened (as on the alerts page)."""

    def items(self):
        alerts = FraudAlert.objects.published().filter(active_from__lte=timezone.now())
        return alerts.filter(locale_id__in=alert_page_urls()).order_by("pk")  # languages with an alerts page


SITEMAPS = {"pages": PageSitemap, "alerts": AlertSitemap}


def sitemap(request):
    return sitemap_view(request, SITEMAPS)
