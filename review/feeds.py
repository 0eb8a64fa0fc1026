"""``/feeds/reported-contacts/``: the contacts reviewers marked as reported as fraudulent, as Atom.

Partner platforms and call-blocking apps can follow it. Each entry is the contact, its kind, the
date it was reported and the reviewers' note, nothing about who reported it (``ReportedContact``);
the link is the contact check's answer for it. Built on the site's Atom base (``foundation.feeds``).
"""

import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from foundation.feeds import MAX_ITEMS, HubAtomFeed
from foundation.sharing import absolute_url

from .models import ReportedContact


class ReportedContactsFeed(Feed):
    feed_type = HubAtomFeed

    def title(self):
        return f"{_('Contacts reported as fraudulent')} | {settings.WAGTAIL_SITE_NAME}"

    def subtitle(self):
        return _("Phone numbers, websites and accounts used in scams, as our reviewers confirmed them. "
                 "None of them is ours: our official channels are listed on the check page.")

    def link(self):
        return absolute_url(reverse("contact_check"))

    def feed_url(self):
        return absolute_url(reverse("feed_reported_contacts"))

    def author_name(self):
        return str(settings.WAGTAIL_SITE_NAME)

    def items(self):
        return ReportedContact.objects.order_by("-reported_on", "-updated_at")[:MAX_ITEMS]

    def item_title(self, contact):
        return f"{contact.get_kind_display()}: {contact.value}"

    def item_description(self, contact):
        return contact.note

    def item_link(self, contact):
        return absolute_url(reverse("contact_check") + "?" + urlencode({"q": contact.value}))

    def item_guid(self, contact):
        return absolute_url(reverse("feed_reported_contacts")) + f"#{contact.pk}"

    def item_pubdate(self, contact):
        return timezone.make_aware(datetime.datetime.combine(contact.reported_on, datetime.time()))

    def item_updateddate(self, contact):
        return contact.updated_at
