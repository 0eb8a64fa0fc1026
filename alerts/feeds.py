"""``/feeds/alerts/``: published alerts, once their active window has opened, as Atom.

See ``foundation.feeds`` for what every section feed does (language, absolute links, dates).
"""

from django.utils import timezone

from foundation.feeds import MAX_ITEMS, SectionFeed
from foundation.sharing import absolute_url

from .models import AlertIndexPage


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
