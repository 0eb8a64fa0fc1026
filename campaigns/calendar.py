"""Event calendars in iCalendar format (RFC 5545), built with the ``icalendar`` library.

Two kinds of file, in each language (under the ``/en/`` prefix for English):

* ``/events.ics`` — every upcoming activity, for subscribing in a phone's calendar app;
* ``<event url>event.ics`` — one activity, to add it with a tap (``EventPage``'s sub-route,
  reached through ``portal.page_files``).

Times are written in the site's zone, Asia/Shanghai, with a ``TZID`` and the matching
``VTIMEZONE`` block, so calendar apps anywhere show the local time of the activity. Each event's
``UID`` is derived from its page, so re-importing a file updates an event instead of duplicating
it, and the page's address goes in ``URL`` and the description.
"""

from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from foundation.privacy import public
from foundation.sharing import absolute_url

MAX_EVENTS = 200


def build_calendar(events, name):
    """An iCalendar document (bytes) named ``name`` with one ``VEVENT`` per event page."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.WAGTAIL_SITE_NAME}//events//{translation.get_language()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for page in events:
        calendar.add_component(build_event(page))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def build_event(page):
    zone = ZoneInfo(settings.TIME_ZONE)
    url = absolute_url(page.url)
    event = Event()
    event.add("uid", f"event-{page.pk}@{urlsplit(settings.SITE_BASE_URL).hostname}")
    event.add("dtstamp", page.last_published_at or timezone.now())
    event.add("dtstart", page.start.astimezone(zone))
    event.add("dtend", page.end.astimezone(zone))
    event.add("summary", page.title)
    event.add("description", "\n\n".join(filter(None, [page.summary, url])))
    location = ", ".join(filter(None, [page.venue, page.address]))
    if location:
        event.add("location", location)
    event.add("url", url)
    return event


def calendar_response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def upcoming_events_calendar(request):
    """``/events.ics``: the upcoming activities in the visitor's language, soonest first."""
    event_page = apps.get_model("campaigns", "EventPage")
    events = public(event_page.objects.live().upcoming()).filter(locale__language_code=translation.get_language())
    name = _("%(site)s: activities") % {"site": settings.WAGTAIL_SITE_NAME}
    return calendar_response(build_calendar(events[:MAX_EVENTS], name), "events.ics")
