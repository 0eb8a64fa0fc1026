"""How pages present themselves outside the site: absolute addresses and share cards.

Whatever leaves the site — feeds, calendars, the sitemap, Open Graph cards, the QR code on a
poster — needs absolute URLs. They are built from ``settings.SITE_BASE_URL`` (the public address,
from the environment) rather than from the request's ``Host`` header, so a forged header can
never end up inside a cached poster, feed or share card.

A share card (Open Graph and Twitter meta, see ``templates/includes/share_meta.html``) describes
what is on screen: the alert on an alert's own page, otherwise the page. Its picture is the
poster where the page has one (``foundation.posters``), else a 1200×630 rendition of the listing image.
"""

from urllib.parse import urljoin

from django.conf import settings

from . import cache

SHARE_IMAGE_FILTER = "fill-1200x630|format-jpeg"
POSTER_SIZE = (1080, 1920)


def absolute_url(url):
    """``url`` (a path such as ``/en/articles/x/``, or already absolute) on the public site address."""
    return urljoin(settings.SITE_BASE_URL + "/", url)


def share_card(page, alert=None):
    """``{"url", "title", "description", "image": (url, width, height) or None, "type"}`` for ``page``.

    ``alert``, when given, is a ``FraudAlert`` shown on its own page (a sub-URL of the alerts page).
    """
    if alert is not None and alert.url:
        return {
            "url": absolute_url(alert.url), "title": alert.title, "description": alert.summary, "type": "article",
            "image": (absolute_url(alert.poster_url), *POSTER_SIZE),
        }
    poster_url = getattr(page, "poster_url", None)
    image = (absolute_url(poster_url), *POSTER_SIZE) if poster_url else listing_image_card(page)
    return {
        "url": absolute_url(page.url),
        "title": page.seo_title or page.title,
        "description": page.search_description or getattr(page, "summary", ""),
        "type": "website" if page.depth <= 2 else "article",
        "image": image,
    }


def listing_image_card(page):
    """``(url, width, height)`` of the page's listing image at share-card size, or None.

    Cached until the page is published again (``foundation.cache``) so a page view pays no query for it.
    """

    def card():
        image = getattr(page, "listing_image", None)
        if image is None:
            return None
        rendition = image.get_rendition(SHARE_IMAGE_FILTER)
        return (absolute_url(rendition.url), rendition.width, rendition.height)

    return cache.versioned("share-image", page.pk, compute=card, tags=[cache.page_tag(page.pk)])
