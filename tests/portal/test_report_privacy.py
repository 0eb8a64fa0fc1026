"""Item 2 of issue 14: reporters' personal data is seen only by report handlers, and kept no longer than needed.

Also item 6: the notification e-mail is sent after the commit by the task worker, leaves the
sensitive answers out, and a dead mail server neither loses the report nor answers 500.
"""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client, TestCase
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import PageLogEntry

from portal.models import ReportFormField, ReportFormPage

from .test_report_form import valid_report

pytestmark = pytest.mark.django_db
XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}
CARD = "6222 0212 3456 7890"


@pytest.fixture
def report_page(page_of):
    return page_of(ReportFormPage, "en")


def logged_in(username):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(get_user_model().objects.get(username=username))
    return client


def stored_report(report_page, **changes):
    """A report sent through the form, with what runs after the commit (the e-mail task) run too."""
    client = Client()
    data = valid_report(client, report_page, **changes)
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert client.post(report_page.url, data).status_code == 200
    return FormSubmission.objects.filter(page=report_page).latest("pk")


def urls(page, submission):
    return {
        "index": "/admin/forms/",
        "list": f"/admin/forms/submissions/{page.pk}/",
        "csv": f"/admin/forms/submissions/{page.pk}/?export=csv",
        "xlsx": f"/admin/forms/submissions/{page.pk}/?export=xlsx",
        "delete": f"/admin/forms/submissions/{page.pk}/delete/?selected-submissions={submission.pk}",
    }


@pytest.mark.parametrize("username", ["editor", "reviewer", "siteadmin"])
def test_other_roles_get_neither_the_menu_nor_the_urls(report_page, username):
    submission = stored_report(report_page)
    client = logged_in(username)
    assert "/admin/forms/" not in client.get("/admin/").content.decode()  # the sidebar menu (JSON)
    for name, url in urls(report_page, submission).items():
        assert client.get(url, **XHR).status_code == 403, name
    assert client.post(urls(report_page, submission)["delete"], **XHR).status_code == 403
    assert FormSubmission.objects.filter(pk=submission.pk).exists()


def test_a_report_handler_lists_exports_and_deletes_and_each_is_logged(report_page):
    submission = stored_report(report_page, what_happened=f"They asked for my card {CARD}.")
    client = logged_in("handler")
    links = urls(report_page, submission)
    assert "/admin/forms/" in client.get("/admin/").content.decode()
    assert report_page.title in client.get(links["index"]).content.decode()

    listing = client.get(links["list"]).content.decode()
    assert "They asked for my card •••• 7890." in listing and CARD not in listing  # masked on screen
    export = b"".join(client.get(links["csv"]).streaming_content).decode()
    assert CARD in export  # the handler acts on the full answer
    assert client.get(links["xlsx"]).status_code == 200
    assert client.post(links["delete"]).status_code == 302
    assert not FormSubmission.objects.filter(pk=submission.pk).exists()

    entries = PageLogEntry.objects.filter(page=report_page, user__username="handler").order_by("pk")
    actions = [entry.action for entry in entries]
    assert actions == ["portal.reports.view", "portal.reports.export", "portal.reports.export", "portal.reports.delete"]
    assert all(submission.pk in entry.data["submissions"] for entry in entries)
    assert CARD not in json.dumps([entry.data for entry in entries])  # the log names reports, not their content
    assert client.get("/admin/reports/site-history/").status_code == 200


def test_a_field_marked_sensitive_is_masked_in_the_listing_and_left_out_of_the_email(report_page):
    ReportFormField.objects.filter(page=report_page, clean_name="contact_detail").update(sensitive=True)
    report_page.to_address = "team@example.com"
    report_page.save()
    stored_report(report_page, contact_detail="acct-99887766", what_happened=f"Card {CARD}, please help.")
    listing = logged_in("handler").get(f"/admin/forms/submissions/{report_page.pk}/").content.decode()
    assert "acct-99887766" not in listing and "•••• 7766" in listing
    [message] = mail.outbox
    assert "acct-99887766" not in message.body and CARD not in message.body and "•••• 7890" in message.body


def test_the_form_has_a_privacy_notice_and_requires_consent(client, report_page):
    html = client.get(report_page.url).content.decode()
    assert "How we use your report" in html and "deleted after 180 days" in html
    assert 'name="privacy_consent"' in html and 'aria-describedby="privacy-notice"' in html
    response = client.post(report_page.url, valid_report(client, report_page, privacy_consent=""))
    assert response.status_code == 400 and "Please tick the box to agree" in response.content.decode()
    assert not FormSubmission.objects.filter(page=report_page).exists()


def test_reports_past_the_retention_period_are_purged(report_page, settings):
    old, recent = stored_report(report_page), stored_report(report_page)
    FormSubmission.objects.filter(pk=old.pk).update(submit_time=timezone.now() - timedelta(days=181))
    out = StringIO()
    call_command("purge_reports", stdout=out)
    assert not FormSubmission.objects.filter(pk=old.pk).exists()
    assert FormSubmission.objects.filter(pk=recent.pk).exists()
    assert "1" in out.getvalue()
    settings.REPORT_RETENTION_DAYS = 0
    call_command("purge_reports", "--dry-run", stdout=StringIO())
    assert FormSubmission.objects.filter(pk=recent.pk).exists()  # a dry run deletes nothing


def test_one_persons_reports_are_exported_then_erased(report_page):
    mine = stored_report(report_page, reply_phone="138 0013 8000")
    other = stored_report(report_page, reply_phone="139 0000 0000")
    out = StringIO()
    call_command("report_subject", "--phone", "+86 13800138000", stdout=out)
    exported = json.loads(out.getvalue())
    assert [item["id"] for item in exported["reports"]] == [mine.pk]
    assert exported["reports"][0]["answers"]["reply_phone"] == "138 0013 8000"
    call_command("report_subject", "--phone", "13800138000", "--erase", stdout=StringIO())
    assert not FormSubmission.objects.filter(pk=mine.pk).exists()
    assert FormSubmission.objects.filter(pk=other.pk).exists()


def test_the_subject_command_needs_a_phone_or_an_email():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("report_subject", stdout=StringIO())


def test_a_dead_mail_server_neither_loses_the_report_nor_answers_500(report_page, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens: refused at once
    report_page.to_address = "team@example.com"
    report_page.save()
    client = Client()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(report_page.url, valid_report(client, report_page))
    # The mail was handed over after the commit (and failed there); the other callbacks renew cache tags.
    assert response.status_code == 200
    assert [c for c in callbacks if c.__qualname__.startswith("ReportFormPage.process_form_submission")]
    assert FormSubmission.objects.filter(page=report_page).count() == 1


def test_the_email_is_sent_only_after_the_commit(report_page, django_capture_on_commit_callbacks):
    report_page.to_address = "team@example.com"
    report_page.save()
    client = Client()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert client.post(report_page.url, valid_report(client, report_page)).status_code == 200
        assert mail.outbox == []  # still in the transaction: nothing sent yet
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1 and "A caller offered a full refund" in mail.outbox[0].body


def test_email_timeout_is_set(settings):
    assert 0 < settings.EMAIL_TIMEOUT <= 30
