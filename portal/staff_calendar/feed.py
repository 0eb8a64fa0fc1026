"""The calendar as an iCalendar feed for staff members' own calendar apps, at a secret URL per user.

A calendar app subscribes without a session, so the URL is the credential:
``/admin-calendar/<token>.ics``, where the token is the user's ``CalendarFeedKey`` secret signed
with ``SECRET_KEY``. A forged or reset token, or a user who no longer reaches the admin, gets 404
(nothing says whether the URL ever existed). The feed shows what the calendar shows that user, from
a month back to a year ahead, in their admin language; each entry links to its edit view.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event
from wagtail.users.models import UserProfile

from campaigns.calendar import calendar_response
from portal.models import CalendarFeedKey

from .entries import calendar_entries

SIGNER = signing.Signer(salt="portal.staff_calendar.feed", sep=".")
PAST = datetime.timedelta(days=31)
AHEAD = datetime.timedelta(days=366)


def may_subscribe(user):
    """Only active staff who reach the admin have a feed."""
    return user.is_active and user.has_perm("wagtailadmin.access_admin")


def feed_url(request, user):
    """The absolute URL of ``user``'s feed, made (with a new secret) on first use."""
    key, _created = CalendarFeedKey.objects.get_or_create(user=user)
    return request.build_absolute_uri(reverse("staff_calendar_feed", args=[SIGNER.sign(key.secret)]))


def reset_feed(user):
    """A new secret: every URL made from the old one stops working."""
    key, created = CalendarFeedKey.objects.get_or_create(user=user)
    if not created:
        key.reset()


def subscriber(token):
    try:
        secret = SIGNER.unsign(token)
    except signing.BadSignature:
        raise Http404
    key = CalendarFeedKey.objects.select_related("user").filter(secret=secret).first()
    if key is None or not may_subscribe(key.user):
        raise Http404
    return key.user


def build_event(entry, host):
    edit_url = settings.WAGTAILADMIN_BASE_URL + entry.edit_url if entry.edit_url else ""
    event = Event()
    event.add("uid", f"{entry.uid}@{host}")
    event.add("dtstamp", timezone.now())
    if entry.all_day:
        event.add("dtstart", timezone.localtime(entry.starts).date())
        event.add("dtend", timezone.localtime(entry.ends).date())
    else:
        event.add("dtstart", timezone.localtime(entry.starts))
        if entry.ends:
            event.add("dtend", timezone.localtime(entry.ends))
    event.add("summary", f"{entry.kind_label}: {entry.title}")
    lines = [entry.type_label, entry.state, entry.translation, entry.audience_names, edit_url]
    event.add("description", "\n".join(str(line) for line in lines if line))
    if edit_url:
        event.add("url", edit_url)
    return event


def staff_calendar_feed(request, token):
    user = subscriber(token)
    now = timezone.now()
    with translation.override(UserProfile.get_for_user(user).get_preferred_language()):
        calendar = Calendar()
        calendar.add("prodid", f"-//{settings.WAGTAIL_SITE_NAME}//staff calendar//{translation.get_language()}")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", _("%(site)s: campaign calendar") % {"site": settings.WAGTAIL_SITE_NAME})
        calendar.add("x-wr-timezone", settings.TIME_ZONE)
        host = urlsplit(settings.SITE_BASE_URL).hostname
        for entry in calendar_entries(user, now - PAST, now + AHEAD):
            calendar.add_component(build_event(entry, host))
        calendar.add_missing_timezones()
    response = calendar_response(calendar.to_ical(), "campaign-calendar.ics")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
