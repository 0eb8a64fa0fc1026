"""The base of the site's Atom feeds: ``/feeds/alerts/`` (``alerts.feeds``) and ``/feeds/articles/`` (``articles.feeds``).

Built on Django's syndication framework (``django.contrib.syndication``): a ``Feed`` subclass
names its items and how to read a title, link, summary and dates from each, and Django writes a
valid Atom 1.0 document. Each feed follows the language of its URL (``/en/feeds/...`` in English)
and lists only what the public can see: live, unrestricted pages, and published alerts once their
active window has opened (the alerts page shows the same ones). Links are absolute, on the public
site address (``foundation.sharing``), and every entry carries its publication and update dates, so
feed readers and partner platforms notice corrections. Each feed names itself (``rel="self"``)
and, when ``WEBSUB_HUB_URL`` is set, the WebSub hub that pushes it (``rel="hub"``, ``foundation.websub``).

See https://docs.djangoproject.com/en/stable/ref/contrib/syndication/
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .privacy import public
from .sharing import absolute_url
from .websub import hub_url

MAX_ITEMS = 30


class HubAtomFeed(Atom1Feed):
    """Atom 1.0 with the WebSub hub named beside the feed's own address (``rel="self"``, from ``feed_url``)."""

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        if self.feed.get("hub_url"):
            handler.addQuickElement("link", "", {"rel": "hub", "href": self.feed["hub_url"]})


class SectionFeed(Feed):
    """An Atom feed of one section of the site (its index page) in the visitor's language."""

    feed_type = HubAtomFeed
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

    def feed_extra_kwargs(self, index):
        return {"hub_url": hub_url()}

    def author_name(self):
        return str(settings.WAGTAIL_SITE_NAME)
