"""Atom feeds of the site's sections: ``/feeds/alerts/`` here, ``/feeds/articles/`` in ``articles.feeds``.

Built on Django's syndication framework (``django.contrib.syndication``): a ``Feed`` subclass
names its items and how to read a title, link, summary and dates from each, and Django writes a
valid Atom 1.0 document. Each feed follows the language of its URL (``/en/feeds/...`` in English)
and lists only what the public can see: live, unrestricted pages, and published alerts once their
active window has opened (the alerts page shows the same ones). Links are absolute, on the public
site address (``portal.sharing``), and every entry carries its publication and update dates, so
feed readers and partner platforms notice corrections.

See https://docs.djangoproject.com/en/stable/ref/contrib/syndication/
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from portal.models import AlertIndexPage
from portal.privacy import public
from portal.sharing import absolute_url

MAX_ITEMS = 30


class SectionFeed(Feed):
    """An Atom feed of one section of the site (its index page) in the visitor's language."""

    feed_type = Atom1Feed
    index_model = None  # the section's index page type
    url_name = None  # the feed's own URL name

    def get_object(self, request):
        index = public(self.index_model.objects.live()).filter(locale__language_code=translation.get_language()).first()
        if index is None:
            raise Http404(_("This section does not exist in this language."))
        return index

    def title(self, index):
        return f"{index.title} | {settings.WAGTAIL_SITE_NAME}"

    def subtitle(self, index):
        return index.summary or index.intro

    def link(self, index):
        return absolute_url(index.url)

    def feed_url(self, index):
        return absolute_url(reverse(self.url_name))

    def author_name(self):
        return str(settings.WAGTAIL_SITE_NAME)


class AlertsFeed(SectionFeed):
    index_model = AlertIndexPage
    url_name = "feed_alerts"

    def items(self, index):
        return index.alerts().published().filter(active_from__lte=timezone.now()).order_by("-active_from")[:MAX_ITEMS]

    def item_title(self, alert):
        return f"[{alert.get_severity_display()}] {alert.title}"

    def item_description(self, alert):
        return alert.summary

    def item_link(self, alert):
        return absolute_url(alert.url)

    def item_pubdate(self, alert):
        return alert.active_from

    def item_updateddate(self, alert):
        return alert.last_published_at or alert.active_from

    def item_categories(self, alert):
        return [alert.get_severity_display()] + [audience.name for audience in alert.audiences.all()]

