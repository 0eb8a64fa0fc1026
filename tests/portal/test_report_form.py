"""The report form: Wagtail form builder, CSRF, honeypot, single use, rate limit, size limits."""

import re

import pytest
from django import forms
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation
from django.utils.html import escape
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.contrib.forms.models import FormSubmission

from articles.quizzes import QuizAnswerCount, QuizPage
from portal.models import ReportFormField, ReportFormPage, reporting

pytestmark = pytest.mark.django_db


@pytest.fixture
def report_page(page_of):
    return page_of(ReportFormPage, "en")


def token_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return re.search(r'name="form_token" value="([^"]+)"', response.content.decode()).group(1)


def valid_report(client, page, **changes):
    data = {
        "form_token": token_of(client, page), "contact_method": "Phone call", "contact_detail": "+86 138 0000 0000",
        "what_happened": "A caller offered a full refund of my policy for a 30% fee.", "money_paid": "No",
        "reply_phone": "", "homepage_url": "", "privacy_consent": "on",
    }
    data.update(changes)
    return data


def test_the_form_shows_editor_fields_contacts_and_a_hidden_honeypot(client, report_page):
    html = client.get(report_page.url).content.decode()
    for field in report_page.form_fields.all():
        assert field.label in html
    assert "96110" in html and "95511" in html  # official contacts beside the form
    assert '<div class="honeypot">' in html and 'name="homepage_url"' in html and 'tabindex="-1"' in html
    assert 'maxlength="4000"' in html  # the multi-line field


def test_a_report_is_stored_once_and_the_confirmation_says_what_next(client, report_page):
    data = valid_report(client, report_page)
    response = client.post(report_page.url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "What happens next" in html and "96110" in html and "2 working days" in html
    [submission] = FormSubmission.objects.filter(page=report_page)
    stored = submission.form_data
    assert stored["what_happened"] == data["what_happened"] and stored["contact_method"] == "Phone call"
    assert "form_token" not in stored and "homepage_url" not in stored
    replay = client.post(report_page.url, data)
    assert replay.status_code == 400 and "already sent" in replay.content.decode()
    assert FormSubmission.objects.filter(page=report_page).count() == 1


def test_csrf_is_enforced(report_page):
    client = Client(enforce_csrf_checks=True)
    response = client.post(report_page.url, valid_report(client, report_page))
    assert response.status_code == 403
    assert not FormSubmission.objects.exists()


def test_with_the_csrf_token_it_goes_through(report_page):
    client = Client(enforce_csrf_checks=True)
    data = valid_report(client, report_page)
    data["csrfmiddlewaretoken"] = client.cookies["csrftoken"].value
    assert client.post(report_page.url, data).status_code == 200
    assert FormSubmission.objects.count() == 1


def test_the_honeypot_rejects_bots(client, report_page):
    response = client.post(report_page.url, valid_report(client, report_page, homepage_url="http://spam.example"))
    assert response.status_code == 400
    assert "could not be sent" in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_oversize_answers_are_rejected_with_a_message(client, report_page):
    response = client.post(report_page.url, valid_report(client, report_page, what_happened="骗" * 4001))
    assert response.status_code == 400
    assert "at most 4000 characters" in response.content.decode()
    response = client.post(report_page.url, valid_report(client, report_page, contact_detail="x" * 256))
    assert response.status_code == 400
    assert not FormSubmission.objects.exists()


def test_a_body_over_the_upload_limit_is_a_400(client, report_page, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = client.post(report_page.url, valid_report(client, report_page, what_happened="x" * 20_000))
    assert response.status_code == 400
    assert not FormSubmission.objects.exists()


def test_missing_and_invalid_answers_are_explained_in_the_visitors_language(client, page_of):
    page = page_of(ReportFormPage, "zh-hans")
    data = valid_report(client, page, what_happened="", contact_method="Not a choice")
    html = client.post(page.url, data).content.decode()
    with translation.override("zh-hans"):
        required = str(forms.Field.default_error_messages["required"])
    assert required in html and required != "This field is required."
    assert "选择一个有效的选项" in html
    english_page = page_of(ReportFormPage, "en")
    english = client.post(english_page.url, valid_report(client, english_page, what_happened="")).content.decode()
    assert "This field is required." in english


def test_over_the_rate_limit_the_visitor_gets_a_friendly_429(client, report_page):
    limit = int(reporting.LIMIT.split("/")[0])
    statuses = [client.post(report_page.url, valid_report(client, report_page)).status_code for _ in range(limit + 1)]
    assert statuses == [200] * limit + [429]
    assert "Not sent yet" in client.post(report_page.url, valid_report(client, report_page)).content.decode()
    assert client.get(report_page.url).status_code == 200  # reading the form is not limited
    assert FormSubmission.objects.count() == limit


def test_a_rate_limited_report_keeps_what_was_typed_and_says_truly_how_long_to_wait(client, report_page):
    limit = int(reporting.LIMIT.split("/")[0])
    for _ in range(limit):
        client.post(report_page.url, valid_report(client, report_page))
    typed = "He said he was from the “refund centre” & asked for <my> card number."
    response = client.post(report_page.url, valid_report(client, report_page, what_happened=typed, money_paid="Yes"))
    html = response.content.decode()
    assert response.status_code == 429
    assert escape(typed) in html.split('name="what_happened"')[1].split("</textarea>")[0]
    assert re.search(r'value="Yes"[^>]*checked', html)  # the chosen answer too
    wait = int(response["Retry-After"])
    assert 0 < wait <= 600  # what is left of the 10-minute window, never more
    minutes = -(-wait // 60)
    assert f"Please wait {minutes} minute" in html and "What you wrote is still here." in html
    assert re.search(r'name="form_token" value="[^"]+"', html)  # a fresh token: it can be sent once the wait is over
    assert FormSubmission.objects.count() == limit


def test_a_shared_address_may_send_more_reports(report_page, settings):
    settings.RATELIMIT_ALLOWED_MORE = {"203.0.113.7": 8}
    desk, person = Client(REMOTE_ADDR="203.0.113.7"), Client(REMOTE_ADDR="198.51.100.9")
    desk_statuses = [desk.post(report_page.url, valid_report(desk, report_page)).status_code for _ in range(9)]
    person_statuses = [person.post(report_page.url, valid_report(person, report_page)).status_code for _ in range(6)]
    assert desk_statuses == [200] * 8 + [429]
    assert person_statuses == [200] * 5 + [429]


def test_submissions_are_listed_and_exported_in_the_admin(admin_client, client, report_page):
    client.post(report_page.url, valid_report(client, report_page))
    listing = admin_client.get(f"/admin/forms/submissions/{report_page.pk}/")
    assert listing.status_code == 200 and "A caller offered a full refund" in listing.content.decode()
    export = admin_client.get(f"/admin/forms/submissions/{report_page.pk}/?export=csv")
    assert export.status_code == 200 and b"A caller offered a full refund" in b"".join(export.streaming_content)


def test_editors_cannot_shadow_the_protection_fields(report_page):
    ReportFormField(page=report_page, label="Where did it happen", field_type="singleline").full_clean()
    for label in ("Homepage URL", "Form token"):
        with pytest.raises(ValidationError) as error:
            ReportFormField(page=report_page, label=label, field_type="singleline").full_clean()
        assert list(error.value.message_dict) == ["label"]


def test_the_report_form_is_in_the_main_menu(client, report_page):
    html = client.get("/en/").content.decode()
    assert f'href="{report_page.url}"' in html.split('class="main-nav"')[1].split("</nav>")[0]


@hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.dictionaries(
    st.sampled_from(["form_token", "homepage_url", "contact_method", "what_happened", "money_paid", "question-x",
                     "csrfmiddlewaretoken"]),
    st.one_of(st.text(max_size=300), st.sampled_from(["\x00", "' OR 1=1 --", "电话", "No", "x" * 5000])),
    max_size=6,
))
def test_hostile_posts_to_the_forms_never_fail(client, page_of, body):
    caches["limits"].clear()  # not about the rate limit
    for page in (page_of(ReportFormPage, "en"), page_of(QuizPage, "zh-hans")):
        response = client.post(page.url, body)
        assert response.status_code == 400, (page, body)
    assert not FormSubmission.objects.exists() and not QuizAnswerCount.objects.exists()
