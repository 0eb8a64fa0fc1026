"""Reported contacts: reviewers keep the list, the check shows it with the date, a feed publishes it."""

import datetime
from xml.etree import ElementTree

import pytest
from django.core.exceptions import ValidationError
from django.utils.formats import date_format

from review.models import ReportedContact

from .admin_helpers import XHR, demo_user, snippet_url

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def reported():
    return ReportedContact.objects.create(
        kind="phone", value="400-123-4567", note="Poses as a refund agent and asks for a fee.",
        reported_on=datetime.date(2026, 11, 20),
    )


def test_a_reported_number_is_shown_as_not_official_and_reported_with_the_date(client, reported):
    html = client.get("/en/check/", {"q": "+86 400 123 4567"}).content.decode()
    section = html.split('class="check-result check-result')[1].split("</section>")[0]
    assert "not one of our channels, and it has been reported as fraudulent" in section
    assert f"Reported to us as used in scams on {date_format(reported.reported_on)}." in section
    assert "Poses as a refund agent" in section and "Do not transfer money" in section
    api = client.get("/en/api/check/", {"q": "4001234567"}).json()
    assert api["official"] is False
    assert api["reports"] == [{"kind": "phone", "value": "400-123-4567", "reported_on": "2026-11-20",
                               "note": "Poses as a refund agent and asks for a fee."}]
    assert "reported" in [finding["kind"] for finding in api["findings"]]


def test_a_reported_number_inside_a_message_is_a_mark(client, reported):
    api = client.get("/en/api/check/", {"q": "Call 400 123 4567 today to cancel your policy."}).json()
    marks = [finding for finding in api["findings"] if finding["kind"] == "reported"]
    assert marks and date_format(reported.reported_on) in marks[0]["meaning"]
    assert api["reports"][0]["value"] == "400-123-4567"


def test_reviewers_add_reported_contacts_in_the_admin(client, reviewer):
    client.force_login(reviewer)
    url = snippet_url(ReportedContact, "add")
    assert client.get(url).status_code == 200
    data = {"kind": "website", "value": "tb-refund.cn", "note": "Fake refund site.", "reported_on": "2026-11-30"}
    response = client.post(url, data)
    assert response.status_code == 302
    assert ReportedContact.objects.filter(value="tb-refund.cn", reported_on=datetime.date(2026, 11, 30)).exists()


def test_editors_can_neither_add_nor_edit_nor_delete_a_reported_contact(client, editor, reported):
    client.force_login(editor)
    urls = [snippet_url(ReportedContact, "add"), snippet_url(reported, "edit", reported.pk),
            snippet_url(reported, "delete", reported.pk)]
    for url in urls:
        assert client.get(url, **XHR).status_code == 403, url
        assert client.post(url, {"kind": "phone", "value": "95511", "reported_on": "2026-11-30"}, **XHR).status_code == 403
    reported.refresh_from_db()
    assert reported.value == "400-123-4567" and ReportedContact.objects.count() == 1


def test_report_handlers_may_add_but_not_change_one(client, reported):
    client.force_login(demo_user("handler"))
    assert client.get(snippet_url(ReportedContact, "add")).status_code == 200
    assert client.get(snippet_url(reported, "edit", reported.pk), **XHR).status_code == 403


def test_a_note_with_someones_contact_details_is_refused(reported):
    for note in ["Reported by Ms Li, 138 0013 8000", "reporter: li.wei@example.com", "ID 11010519491231002X"]:
        reported.note = note
        with pytest.raises(ValidationError):
            reported.full_clean()
    assert not {"name", "email", "phone", "submission", "reporter"} & {field.name for field in ReportedContact._meta.get_fields()}


def test_the_list_is_published_as_an_atom_feed(client, reported):
    response = client.get("/en/feeds/reported-contacts/")
    assert response.status_code == 200 and "atom" in response["Content-Type"]
    feed = ElementTree.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.find(f"{ATOM}title").text for entry in entries] == ["Phone number: 400-123-4567"]
    assert "check/?q=400-123-4567" in entries[0].find(f"{ATOM}link").get("href")
    assert entries[0].find(f"{ATOM}published").text.startswith("2026-11-20")
