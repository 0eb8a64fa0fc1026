"""The campaign calendar in the admin: the report under Reports, the dashboard's next 14 days, and the
signed iCalendar feed per user — what each role sees, and what a forged, reset or unentitled URL gets."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Locale, Page, Workflow, WorkflowState
from wagtail.users.models import UserProfile

from alerts.models import FraudAlert
from articles.models import ArticleIndexPage, ArticlePage
from campaigns.models import CampaignIndexPage, CampaignPage, EventPage
from foundation.models import Audience
from portal.models import CalendarFeedKey
from tests.review.admin_helpers import demo_user

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/campaign-calendar/"




def logged_in(username):
    client = Client()
    client.force_login(demo_user(username))
    return client


def at(day, hour=10):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def audience(slug, language="zh-hans"):
    return Audience.objects.get(slug=slug, locale__language_code=language)


def month_after_next():
    """The first day of the month after next: beyond the dashboard's 14 days, within the feed's year."""
    first = timezone.localdate().replace(day=1)
    return (first + datetime.timedelta(days=62)).replace(day=1)


@pytest.fixture
def plan(page_of):
    """A campaign (with a live English version), an activity, a scheduled article and a scheduled alert."""
    first = month_after_next()
    campaign = CampaignPage(
        title="Zorbex consumer-rights week", slug="zorbex-week", kind="consumer-rights-week", theme="Zorbex",
        start_date=first + datetime.timedelta(days=9), end_date=first + datetime.timedelta(days=15),
    )
    page_of(CampaignIndexPage).add_child(instance=campaign)
    campaign.audiences.set([audience("elderly")])
    campaign.save_revision().publish()
    english = campaign.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()

    event = EventPage(title="Zorbex park talk", slug="zorbex-talk", start=at(first + datetime.timedelta(days=10)),
                      end=at(first + datetime.timedelta(days=10), 12))
    campaign.add_child(instance=event)
    event.audiences.set([audience("public")])
    event.save_revision().publish()

    go_live = at(first + datetime.timedelta(days=8), 9)
    article = ArticlePage(title="Zorbex scheduled article", slug="zorbex-article", summary="x", live=False,
                          go_live_at=go_live)
    page_of(ArticleIndexPage).add_child(instance=article)
    article.audiences.set([audience("customers")])
    article.save()
    article.save_revision(approved_go_live_at=go_live)

    alert = FraudAlert(locale=Locale.objects.get(language_code="zh-hans"), title="Zorbex scheduled alert",
                       summary="x", active_from=at(first + datetime.timedelta(days=12)),
                       active_until=at(first + datetime.timedelta(days=20)), live=False,
                       go_live_at=at(first + datetime.timedelta(days=12)))
    alert.save()
    alert.audiences.set([audience("elderly")])
    alert.save()  # as the admin's create view does: the draft's audiences are on the row too
    alert.save_revision(approved_go_live_at=alert.go_live_at)
    return {"month": first.strftime("%Y-%m"), "campaign": campaign, "event": event, "article": article, "alert": alert}


def rows(response):
    """``{title: [row, ...]}`` of the report's table; a row is ``{"cells": [text, ...], "html": ...}``.

    The cells: when, kind, title, type, audiences, workflow state, English version.
    """
    html = response.content.decode()
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""
    found = {}
    for row in body.split("</tr>")[:-1]:
        cells = [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        found.setdefault(cells[2], []).append({"cells": cells, "html": row})
    return {title: found[title] for title in found if title.startswith("Zorbex")}


def test_the_report_lists_each_kind_with_its_state_translation_and_edit_link(plan):
    response = logged_in("editor").get(REPORT, {"month": plan["month"]})
    assert response.status_code == 200
    found = rows(response)
    campaign, = found["Zorbex consumer-rights week"]  # one row: its English translation is not listed again
    assert campaign["cells"][1:] == ["Campaign", "Zorbex consumer-rights week", "campaign page", "Older people",
                                     "Live", "English version live"]
    assert f'href="/admin/pages/{plan["campaign"].pk}/edit/"' in campaign["html"]
    event, = found["Zorbex park talk"]
    assert event["cells"][1] == "Activity" and event["cells"][5:] == ["Live", "No live English version"]
    article, = found["Zorbex scheduled article"]
    assert article["cells"][1] == "Scheduled go-live" and article["cells"][5] == "Scheduled"
    assert f'href="/admin/pages/{plan["article"].pk}/edit/"' in article["html"]
    alert_rows = found["Zorbex scheduled alert"]
    assert sorted(row["cells"][1] for row in alert_rows) == ["Alert window", "Scheduled go-live"]
    for row in alert_rows:
        assert row["cells"][5] == "Scheduled"
        assert f'href="/admin/snippets/alerts/fraudalert/edit/{plan["alert"].pk}/"' in row["html"]


@pytest.fixture
def workflow_state():
    """Puts ``obj`` in the review workflow with ``status``, as an editor's submission would."""
    def start(obj, status):
        content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
        WorkflowState.objects.create(
            content_type=content_type,
            base_content_type=ContentType.objects.get_for_model(Page) if isinstance(obj, Page) else content_type,
            object_id=str(obj.pk), workflow=Workflow.objects.filter(active=True).first(), status=status,
            requested_by=get_user_model().objects.get(username="editor"),
        )
    return start


def test_review_states_are_in_words(plan, workflow_state):
    workflow_state(plan["event"], WorkflowState.STATUS_IN_PROGRESS)
    workflow_state(plan["alert"], WorkflowState.STATUS_NEEDS_CHANGES)
    found = rows(logged_in("reviewer").get(REPORT, {"month": plan["month"]}))
    assert found["Zorbex park talk"][0]["cells"][5] == "In review"
    assert [row["cells"][5] for row in found["Zorbex scheduled alert"]] == ["Changes requested"] * 2


def test_the_month_kind_and_audience_filters(plan):
    client = logged_in("editor")
    next_month = (month_after_next() + datetime.timedelta(days=40)).strftime("%Y-%m")
    assert rows(client.get(REPORT, {"month": next_month})) == {}
    assert set(rows(client.get(REPORT, {"month": plan["month"], "kind": "event"}))) == {"Zorbex park talk"}
    assert set(rows(client.get(REPORT, {"month": plan["month"], "kind": "go-live"}))) == {
        "Zorbex scheduled article", "Zorbex scheduled alert"}
    elderly = rows(client.get(REPORT, {"month": plan["month"], "audience": "elderly"}))
    assert set(elderly) == {"Zorbex consumer-rights week", "Zorbex scheduled alert"}


@pytest.mark.parametrize("query, message", [
    ({"month": "2026-13"}, "Enter a month as year and month"),
    ({"month": "March"}, "Enter a month as year and month"),
    ({"month": "9999-12"}, "Choose a month between 2000 and 2099"),
    ({"kind": "everything"}, "Select a valid choice"),
    ({"audience": "martians"}, "Select a valid choice"),
])
def test_a_bad_filter_is_a_400_that_names_the_field(query, message):
    response = logged_in("editor").get(REPORT, query)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and "The calendar could not be filtered" in html


def test_the_report_is_in_chinese_for_a_chinese_admin(plan):
    client = Client()
    user = get_user_model().objects.get(username="editor")
    UserProfile.get_for_user(user).__class__.objects.filter(user=user).update(preferred_language="zh-hans")
    client.force_login(user)
    response = client.get(REPORT, {"month": plan["month"]})
    assert response.status_code == 200
    html = response.content.decode()
    # Strings the catalogue already has: the column and the campaign's kind come through gettext.
    assert 'lang="zh-hans"' in html and "工作流状态" in html and "宣传活动" in html and "Zorbex park talk" in html


def test_the_dashboard_panel_shows_the_next_14_days_only(page_of):
    index = page_of(CampaignIndexPage).get_children().live().type(CampaignPage).first()
    today = timezone.localdate()
    for title, days in (("Zorbex soon", 3), ("Zorbex later", 20)):
        event = EventPage(title=title, slug=title.lower().replace(" ", "-"), start=at(today + datetime.timedelta(days=days)),
                          end=at(today + datetime.timedelta(days=days), 12))
        index.add_child(instance=event)
        event.save_revision().publish()
    html = logged_in("editor").get(reverse("wagtailadmin_home")).content.decode()
    panel = html.split('id="campaign-calendar-upcoming', 1)[1].split("</section>", 1)[0]
    assert "Campaign calendar: the next 14 days" in html and "Zorbex soon" in panel and "Zorbex later" not in panel


def feed_url_of(client):
    html = client.get(REPORT).content.decode()
    url = html.split("data-calendar-feed-url", 1)[0].rsplit('value="', 1)[1].split('"', 1)[0]
    return url.removeprefix("http://testserver")


def events_in(response):
    calendar = Calendar.from_ical(response.content)
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_the_feed_gives_the_entries_to_a_calendar_app_without_a_session(plan):
    url = feed_url_of(logged_in("editor"))
    response = Client().get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert "private" in response["Cache-Control"]
    events = events_in(response)
    campaign = events["Campaign: Zorbex consumer-rights week"]
    assert campaign["dtstart"].dt == plan["campaign"].start_date  # whole days
    assert str(campaign["url"]).endswith(f"/admin/pages/{plan['campaign'].pk}/edit/")
    assert "Activity: Zorbex park talk" in events
    assert "Scheduled go-live: Zorbex scheduled article" in events
    alert = events["Scheduled go-live: Zorbex scheduled alert"]
    assert "Scheduled" in str(alert["description"])
    assert "Alert window: Zorbex scheduled alert" in events


def test_resetting_the_link_makes_the_old_url_404(plan):
    client = logged_in("editor")
    old = feed_url_of(client)
    response = client.post(reverse("staff_calendar_reset_link"))
    assert response.status_code == 302
    new = feed_url_of(client)
    assert new != old
    assert Client().get(old).status_code == 404
    assert Client().get(new).status_code == 200


def test_a_forged_token_is_a_404(plan):
    url = feed_url_of(logged_in("editor"))
    secret = CalendarFeedKey.objects.get(user__username="editor").secret
    assert Client().get(url.replace(".ics", "x.ics")).status_code == 404  # signature broken
    assert Client().get(f"/admin-calendar/{secret}.ics").status_code == 404  # the secret without a signature
    assert Client().get("/admin-calendar/anything.ics").status_code == 404


def test_the_feed_shows_only_what_the_user_may_see(plan):
    handler_feed = Client().get(feed_url_of(logged_in("handler")))  # reaches the admin, edits no content
    assert handler_feed.status_code == 200 and not any("Zorbex" in title for title in events_in(handler_feed))


def test_a_user_without_admin_access_gets_no_calendar_and_no_feed(plan):
    user = get_user_model().objects.create_user("outsider", password="x")
    client = Client()
    client.force_login(user)
    response = client.get(REPORT)
    assert response.status_code in (302, 403) and "data-calendar-feed-url" not in response.content.decode()
    assert client.post(reverse("staff_calendar_reset_link")).status_code in (302, 403)
    assert not CalendarFeedKey.objects.filter(user=user).exists()
    # A key left from earlier (say, when they still had access) opens nothing.
    from portal.staff_calendar.feed import SIGNER

    key = CalendarFeedKey.objects.create(user=user)
    assert Client().get(f"/admin-calendar/{SIGNER.sign(key.secret)}.ics").status_code == 404


def test_losing_admin_access_closes_the_feed(plan):
    url = feed_url_of(logged_in("editor"))
    get_user_model().objects.get(username="editor").groups.remove(Group.objects.get(name="Marketing editors"))
    assert Client().get(url).status_code == 404


def test_the_demo_calendar_is_not_empty():
    """``seed_demo`` schedules an alert two days ahead, beside the live drive and its activities."""
    html = logged_in("editor").get(reverse("wagtailadmin_home")).content.decode()
    panel = html.split('id="campaign-calendar-upcoming', 1)[1].split("</section>", 1)[0]
    scheduled = [row for row in panel.split("</tr>") if "警惕“养老理财”高息陷阱" in row]
    assert len(scheduled) == 2  # its go-live and its window
    assert all("Scheduled" in row and "No live English version" in row for row in scheduled)
    assert "Activity" in panel
