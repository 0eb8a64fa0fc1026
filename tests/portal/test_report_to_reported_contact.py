"""From the report inbox to the list of reported contacts: the suspect's contact goes, the reporter's identity never."""

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import translation
from django.utils.translation import gettext

from portal.models import ReportFormPage
from review.models import ReportedContact

from .test_report_privacy import logged_in, stored_report

pytestmark = pytest.mark.django_db
REPORTER_PHONE = "13912345678"


@pytest.fixture
def report_page(page_of):
    return page_of(ReportFormPage, "en")


def mark_links(listing):
    return [html.unescape(href) for href in re.findall(r'href="(/admin/snippets/review/reportedcontact/add/\?[^"]+)"', listing)]


def test_a_handler_marks_the_suspects_number_from_a_report_without_the_reporter(report_page):
    stored_report(report_page, contact_detail="400-123-4567", reply_phone=REPORTER_PHONE,
                  what_happened="A refund agent, call me back on 13912345678.")
    handler = logged_in("handler")
    listing = handler.get(f"/admin/forms/submissions/{report_page.pk}/").content.decode()
    links = mark_links(listing)
    assert len(links) == 1
    query = parse_qs(urlsplit(links[0]).query)
    assert query == {"kind": ["phone"], "value": ["400-123-4567"]}  # nothing else from the report
    form = handler.get(links[0]).content.decode()
    assert 'value="400-123-4567"' in form and REPORTER_PHONE not in form
    response = handler.post(links[0], {"kind": "phone", "value": "400-123-4567", "note": "Refund agent.",
                                       "reported_on": "2026-12-01"})
    assert response.status_code == 302
    assert ReportedContact.objects.filter(value="400-123-4567").exists()


def test_the_note_refuses_the_reporters_number(report_page):
    handler = logged_in("handler")
    add = "/admin/snippets/review/reportedcontact/add/"
    response = handler.post(add, {"kind": "phone", "value": "400-123-4567", "note": f"from {REPORTER_PHONE}",
                                  "reported_on": "2026-12-01"})
    with translation.override(response["Content-Language"]):  # the handler's admin language
        message = gettext("The note must not hold a phone number, e-mail address or ID number: write what the "
                          "contact was used for, not who reported it.")
    assert response.status_code == 200 and message in response.content.decode()
    assert not ReportedContact.objects.exists()


def test_no_mark_links_for_those_who_may_not_add(report_page, settings):
    from django.contrib.auth.models import Group, Permission

    stored_report(report_page, contact_detail="400-123-4567")
    Group.objects.get(name="Report handlers").permissions.remove(Permission.objects.get(codename="add_reportedcontact"))
    listing = logged_in("handler").get(f"/admin/forms/submissions/{report_page.pk}/").content.decode()
    assert not mark_links(listing) and "400-123-4567" in listing
