"""The contact check reads a pasted message: the marks of a scam, what each means, never "safe"."""

import re

import pytest
from django.apps import apps
from django.db import models
from django.utils.html import escape

from review.models import CheckCount

pytestmark = pytest.mark.django_db

SMS_ZH = ("【保险理赔中心】尊敬的客户，您的保单可办理全额退保，还能保本保息！请于今天内拨打 400-123-4567，"
          "或点击 http://tb-refund.cn/a1 登记，并把收到的短信验证码告诉专员，逾期账户将被冻结。")
SMS_EN = ("URGENT: your policy refund is ready. We guarantee a full refund and risk-free returns. "
          "Call 400-820-8820 within 24 hours, tell our agent the verification code and pay the 300 yuan fee "
          "to a safe account, or open bit.ly/x7Tq.")
EVERY_MARK = {"promised_return", "urgency", "refund_agent", "code_request", "unofficial_phone", "unknown_link"}
CLAIMS_OF_SAFETY = re.compile(r"\b(is|looks|seems|are) (safe|genuine|legitimate|fine)\b|可以放心|是安全的|没有风险", re.I)


def result_section(response):
    return response.content.decode().split('class="check-result')[1].split("</section>")[0]


def test_a_pasted_chinese_scam_sms_gets_every_mark_listed_with_its_meaning(client):
    response = client.post("/check/", {"q": SMS_ZH})
    assert response.status_code == 200
    section = result_section(response)
    api = client.get("/api/check/", {"q": SMS_ZH}).json()
    assert api["kind"] == "message" and api["official"] is False
    assert EVERY_MARK <= {finding["kind"] for finding in api["findings"]}
    assert {"kind": "unofficial_phone", "text": "400-123-4567"}.items() <= next(
        finding for finding in api["findings"] if finding["kind"] == "unofficial_phone").items()
    assert "http://tb-refund.cn/a1" in section and "400-123-4567" in section
    assert not CLAIMS_OF_SAFETY.search(section)


def test_each_mark_is_listed_once_each_contact_on_its_own(client):
    """A refund-agent promise matched by a claim rule and by a cue is one mark, not two lines that say the same."""
    sms = "您的保单可全额退保，联系专员王经理 13800138000 或 13900139000 办理，今天截止，点击 http://bit.ly/abc 并提供验证码"
    kinds = [finding["kind"] for finding in client.get("/api/check/", {"q": sms}).json()["findings"]]
    marks = [kind for kind in kinds if kind not in {"unofficial_phone", "unknown_link", "reported"}]
    assert "refund_agent" in marks and len(marks) == len(set(marks)), kinds
    assert kinds.count("unofficial_phone") == 2, kinds


def test_a_pasted_english_scam_sms_lists_its_marks_and_what_they_mean_and_never_says_safe(client):
    response = client.get("/en/check/", {"q": SMS_EN})
    assert response.status_code == 200
    section = result_section(response)
    for label, meaning in [
        ("Promised returns", "No genuine insurer or bank promises"), ("Pressure to act now", "no time to think"),
        ("Refund-agent line", "So-called refund agents"), ("Asks for a code or password", "verification code"),
        ("Asks you to pay or transfer money", "safe account"), ("A phone number that is not ours", "400-820-8820"),
        ("A link to a site that is not ours", "short link"),
    ]:
        assert label in section and escape(meaning) in section, label
    assert "marks of a scam in this message" in section and "What to do now" in section
    assert not CLAIMS_OF_SAFETY.search(section)


def test_a_harmless_looking_message_is_still_not_called_safe(client):
    section = result_section(client.get("/en/check/", {"q": "Hello, how are you? See you at the park tomorrow."}))
    assert "We found none of the usual marks of a scam" in section
    assert "That does not make it safe" in section and not CLAIMS_OF_SAFETY.search(section)


def test_official_numbers_in_a_message_are_not_marked(client):
    api = client.get("/en/api/check/", {"q": "If in doubt, call our hotline 95511 or the anti-fraud line 96110."}).json()
    assert api["kind"] == "message"
    assert not [finding for finding in api["findings"] if finding["kind"] == "unofficial_phone"]


@pytest.mark.parametrize("path", ["/en/check/", "/api/check/"])
def test_a_paste_over_2000_characters_is_a_clear_400(client, path):
    response = client.get(path, {"q": "稳" * 2001})
    assert response.status_code == 400
    text = response.json()["error"] if path.startswith("/api") else result_or_form(response)
    assert "2001" in text and "2000" in text
    assert client.get(path, {"q": "稳赚不赔，" * 400}).status_code == 200  # exactly 2,000 is read


def result_or_form(response):
    return response.content.decode().split('class="check-form"')[1]


def test_the_api_answers_the_documented_shape_for_a_contact(client):
    response = client.get("/en/api/check/", {"q": "95511"})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    body = response.json()
    assert {"kind", "official", "findings", "reports"} <= body.keys()
    assert body["kind"] == "phone" and body["official"] is True and body["findings"] == [] and body["reports"] == []
    fake = client.get("/en/api/check/", {"q": "95512"}).json()
    assert fake["official"] is False
    assert [finding["kind"] for finding in fake["findings"]] == ["unofficial_phone", "look_alike"]
    assert all(set(finding) >= {"kind", "text"} for finding in fake["findings"])


def test_the_api_refuses_a_missing_query(client):
    assert client.get("/api/check/").status_code == 400
    assert "error" in client.get("/api/check/", {"q": ""}).json()


def test_the_api_is_rate_limited(client):
    statuses = [client.get("/api/check/", {"q": f"9551{n % 10}"}).status_code for n in range(31)]
    assert statuses == [200] * 30 + [429]
    limited = client.get("/api/check/", {"q": "95511"})
    assert limited.status_code == 429 and limited["Retry-After"] and "error" in limited.json()
    assert client.get("/en/check/", {"q": "95511"}).status_code == 200  # the page counts separately


def test_nothing_pasted_is_stored_only_a_count_per_kind_and_day(client):
    marker = "zqxj-unique-marker-5521"
    before = {row.kind: row.count for row in CheckCount.objects.all()}
    client.post("/en/check/", {"q": f"Your refund is ready: send the code to {marker} now, or pay 13900001111."})
    client.get("/api/check/", {"q": f"{marker}.example"})
    client.get("/api/check/", {"q": "13900001111"})
    after = {row.kind: row.count for row in CheckCount.objects.all()}
    assert {kind: after[kind] - before.get(kind, 0) for kind in after} == {"message": 1, "website": 1, "phone": 1}
    for model in apps.get_models():
        text_fields = [field.name for field in model._meta.concrete_fields if isinstance(field, (models.CharField, models.TextField))]
        for name in text_fields:
            assert not model._default_manager.filter(**{f"{name}__contains": marker}).exists(), (model, name)
            assert not model._default_manager.filter(**{f"{name}__contains": "13900001111"}).exists(), (model, name)


def test_the_check_page_links_to_what_to_do_now(client):
    html = client.get("/en/check/").content.decode()
    assert 'href="/en/help/"' in html.split('<main id="main"')[1]
