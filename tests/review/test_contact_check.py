"""“Is this contact official?”: every official contact in its common forms, never a near miss."""

import logging

import pytest
from django.core.cache import caches
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from review import contact_check
from review.contact_check import check_contact
from review.models import OfficialContact

pytestmark = pytest.mark.django_db

OFFICIAL = "is on our list of official channels"
NOT_OFFICIAL = "This is not on our list of official channels"
FULL_WIDTH = str.maketrans({chr(code): chr(code + 0xFEE0) for code in range(0x21, 0x7F)})


def written_forms(contact):
    """The ways people copy a contact from a phone screen, a letter or a browser."""
    value = contact.value
    if contact.kind == "phone":
        spaced = f"{value[:3]} {value[3:]}"
        return [value, value.translate(FULL_WIDTH), spaced, spaced.replace(" ", "-"), f"+86 {value}", f"+86-{spaced}",
                f"0086 {value}", f"({value[:3]}) {value[3:]}", f"  {value}  "]
    if contact.kind == "website":
        host = value.removeprefix("www.")
        return [host, f"www.{host}", f"https://www.{host}/", f"http://{host}/claims?id=1#top",
                f"HTTPS://WWW.{host.upper()}", f"{host}.", f"www.{host}:443/path", f"www.{host}".translate(FULL_WIDTH),
                f"www.{host.replace('.', '。')}"]
    return [value, f" {value[:2]} {value[2:]} ", f"{value[:2]}·{value[2:]}"]


def all_forms():
    return [(contact.pk, form) for contact in OfficialContact.objects.all() for form in written_forms(contact)]


def test_every_official_contact_is_recognised_in_all_its_common_forms():
    contacts = list(OfficialContact.objects.filter(locale__language_code="en"))
    assert {contact.kind for contact in contacts} == {"phone", "website", "account"}
    for contact in contacts:
        for form in written_forms(contact):
            result = check_contact(form, contacts)
            assert result.official == contact, (contact.value, form)


@pytest.mark.parametrize("language, path", [("zh-hans", "/check/"), ("en", "/en/check/")])
def test_the_page_confirms_official_contacts_in_both_languages(client, language, path):
    for contact in OfficialContact.objects.filter(locale__language_code=language):
        response = client.get(path, {"q": written_forms(contact)[2]})
        assert response.status_code == 200
        html = response.content.decode()
        assert escape(contact.name) in html.split('class="check-result')[1].split("</section>")[0]
        assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("near_miss", [
    "95512", "9551", "955110", "+1 95511", "96111", "1237", "400-955-1100",
    "pingan-95511.com", "example-insurance.cn.evil.com", "example-insurance.com", "examp1e-insurance.cn",
    "https://www.example-insurance.cn@evil.com", "evil.com/www.example-insurance.cn", "www.example-insurance.cn.co",
    "xn--example-insurance.cn", "示例保险消保在线官方", "示例保险消保", "safe account", "",
])
def test_near_misses_are_not_official(client, near_miss):
    contacts = list(OfficialContact.objects.filter(locale__language_code="en"))
    assert check_contact(near_miss, contacts).official is None
    if near_miss:
        html = client.get("/en/check/", {"q": near_miss}).content.decode()
        assert NOT_OFFICIAL in html and OFFICIAL not in html
        assert "96110" in html and "Hang up" in html


@pytest.mark.parametrize("look_alike, imitated", [
    ("95512", "95511"), ("955110", "95511"), ("pingan-95511.com", "95511"),
    ("example-insurance.cn.evil.com", "www.example-insurance.cn"),
    ("examp1e-insurance.cn", "www.example-insurance.cn"), ("示例保险消保在线官方", "示例保险消保在线"),
])
def test_look_alikes_get_a_sharper_warning(client, look_alike, imitated):
    contacts = list(OfficialContact.objects.filter(locale__language_code="en"))
    assert check_contact(look_alike, contacts).look_alike.value == imitated
    assert "It looks like our" in client.get("/en/check/", {"q": look_alike}).content.decode()


def test_international_domain_names_are_compared_in_ascii():
    contact = OfficialContact(kind="website", value="https://例子保险.中国/", name="IDN site")
    for form in ["例子保险.中国", "www.例子保险.中国/path", "xn--fsqrhr93acs3d.xn--fiqs8s", "HTTP://XN--FSQRHR93ACS3D.XN--FIQS8S"]:
        assert check_contact(form, [contact]).official == contact, form
    assert check_contact("例子保险.中国.evil.com", [contact]).official is None


def test_the_form_works_without_javascript(client):
    html = client.get("/en/check/").content.decode()
    # POST (issue 14): the checked contact stays out of the URL and so out of the access logs.
    assert '<form class="check-form" method="post" action="/en/check/"' in html
    assert "<script" not in html.split('<main id="main"')[1]
    assert "96110" in html  # the official channels are listed


def test_empty_and_oversize_queries_are_a_400_with_a_message(client):
    assert client.get("/en/check/", {"q": ""}).status_code == 400
    response = client.get("/en/check/", {"q": "9" * 2001})
    assert response.status_code == 400 and "the check reads at most 2000" in response.content.decode()


def test_the_raw_query_is_never_logged(client, caplog):
    secret = "13800138000-my-secret-number"
    request_logger = logging.getLogger("django.request")  # does not propagate to the root logger
    request_logger.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.DEBUG), caplog.at_level(logging.DEBUG, logger="django.request"):
            client.get("/en/check/", {"q": secret})
            client.get("/en/check/", {"q": secret * 80})  # a 400, which Django logs
    finally:
        request_logger.removeHandler(caplog.handler)
    assert any("Bad Request" in record.getMessage() for record in caplog.records)
    assert not any(secret in record.getMessage() for record in caplog.records)


def test_checks_are_rate_limited(client):
    limit = int(contact_check.LIMIT.split("/")[0])
    statuses = [client.get("/check/", {"q": f"9551{n % 10}"}).status_code for n in range(limit + 1)]
    assert statuses == [200] * limit + [429]


def test_other_methods_are_refused(client):
    assert client.put("/check/", {"q": "95511"}).status_code == 405
    assert client.delete("/check/").status_code == 405


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.one_of(
    st.text(max_size=250),
    st.sampled_from(["+", "00", "http://", "//", "[::1]", "http://[", "a..b", "xn--", "。", "．", "\x00", "%00",
                     "9" * 200, "https://user:pass@host:99999/", "‮95511", "9５5１1\u200b"]),
))
def test_hostile_queries_never_fail(client, query):
    caches["limits"].clear()  # the rate limit is not what this test is about
    response = client.get("/en/check/", {"q": query})
    assert response.status_code in {200, 400}
    if response.status_code == 200:
        html = response.content.decode()
        read_as_message = "in this message" in html or "none of the usual marks of a scam" in html
        assert [OFFICIAL in html, NOT_OFFICIAL in html, read_as_message].count(True) == 1
