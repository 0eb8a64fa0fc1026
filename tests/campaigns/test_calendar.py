"""Event calendars: valid iCalendar with Asia/Shanghai times, per language and per event."""

from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.utils import timezone
from icalendar import Calendar

from campaigns.models import EventIndexPage, EventPage

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    return calendar


def assert_event_matches(event, page):
    assert event["SUMMARY"] == page.title
    assert event["DTSTART"].params["TZID"] == "Asia/Shanghai"
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == page.start and end == page.end  # the same instants...
    assert start.utcoffset() == page.start.astimezone(SHANGHAI).utcoffset()  # ...written in Shanghai time
    assert (start.hour, start.minute) == (page.start.astimezone(SHANGHAI).hour, page.start.astimezone(SHANGHAI).minute)
    assert event["URL"] == settings.SITE_BASE_URL + page.url
    assert page.venue in event["LOCATION"]


@pytest.mark.parametrize("url, language", [("/events.ics", "zh-hans"), ("/en/events.ics", "en")])
def test_site_calendar_lists_upcoming_events_of_the_language(client, url, language):
    events = parse(client, url).walk("VEVENT")
    upcoming = list(EventPage.objects.live().upcoming().filter(locale__language_code=language))
    assert len(events) == len(upcoming) > 0
    for event, page in zip(events, upcoming):
        assert_event_matches(event, page)
    assert all(event.decoded("DTEND") >= timezone.now() for event in events)
    assert len({event["UID"] for event in events}) == len(events)


def test_each_event_has_its_own_calendar_file(client, page_of):
    page = page_of(EventPage, "en")
    [event] = parse(client, page.url + "event.ics").walk("VEVENT")
    assert_event_matches(event, page)
    assert 'href="%sevent.ics"' % page.url in client.get(page.url).content.decode()


def test_the_events_page_links_the_site_calendar(client, page_of):
    html = client.get(page_of(EventIndexPage, "zh-hans").url).content.decode()
    assert 'href="/events.ics"' in html


def test_an_unpublished_event_has_no_calendar_file(client, page_of):
    page = page_of(EventPage, "en")
    url = page.url
    page.unpublish()
    assert client.get(url + "event.ics").status_code == 404
    uids = {str(event["UID"]) for event in parse(client, "/en/events.ics").walk("VEVENT")}
    assert uids and not any(uid.startswith(f"event-{page.pk}@") for uid in uids)
