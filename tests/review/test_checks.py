"""Each pre-check: a case that passes and one that fails, in Chinese and in English."""

import json

import pytest
from wagtail.images.models import Image
from wagtail.models import Locale

from alerts.models import FraudAlert
from articles.models import ArticlePage
from campaigns.models import FilmPage
from foundation.models import Audience
from portal.models import StandardPage
from review.checks import run_checks
from review.issues import ERROR, WARNING
from review.models import ClaimRule, OfficialContact

pytestmark = pytest.mark.django_db


def article(language, paragraph="", blocks=(), audiences=True, **fields):
    """An unsaved article in ``language`` with one paragraph and any extra raw blocks."""
    page = ArticlePage(
        title=fields.pop("title", "Article"),
        locale=Locale.objects.get(language_code=language),
        body=json.dumps([{"type": "paragraph", "value": f"<p>{paragraph}</p>"}, *blocks]),
        **fields,
    )
    page.audiences = list(Audience.objects.filter(locale=page.locale)[:1]) if audiences else []
    return page


def messages(obj, level=None):
    return [issue.message for issue in run_checks(obj).issues if level in (None, issue.level)]


def test_demo_content_has_no_errors(page_of):
    for model in (ArticlePage, FilmPage, StandardPage):
        for language in ("zh-hans", "en"):
            for page in model.objects.live().filter(locale__language_code=language):
                assert messages(page, ERROR) == [], page.title


# --- misleading claims ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "language, text, phrase",
    [
        ("zh-hans", "本产品稳赚不赔，欢迎咨询。", "稳赚不赔"),
        ("zh-hans", "本产品稳 赚 不 赔。", "稳赚不赔"),  # spacing does not hide a claim (messages quote the normalised text)
        ("zh-hans", "我们承诺年化收益８％以上。", "承诺年化收益8%"),  # a pattern rule, full-width digits
        ("en", "A risk-free plan for your family.", "risk-free"),
        ("en", "It is RISK FREE.", "RISK FREE"),
        ("en", "And you can’t lose.", "can't lose"),  # typographic apostrophes are folded
        ("en", "We guarantee 8% a year.", "guarantee 8%"),
    ],
)
def test_misleading_claims_are_errors(language, text, phrase):
    errors = messages(article(language, text), ERROR)
    assert any(f"“{phrase}”" in message for message in errors), errors


@pytest.mark.parametrize(
    "language, text",
    [
        ("zh-hans", "保险产品有风险，收益不确定。"),
        ("en", "Every financial product carries risk; returns vary."),
    ],
)
def test_honest_text_passes_the_claim_check(language, text):
    assert not [issue for issue in run_checks(article(language, text)).issues if issue.sentence]


@pytest.mark.parametrize("language, text", [("en", "本产品稳赚不赔，快来买。"), ("zh-hans", "This plan is totally risk-free for you.")])
def test_a_rule_applies_to_its_language_the_model_reads_both(language, text):
    found = run_checks(article(language, text)).issues
    assert not any(issue.message.startswith("Misleading claim") for issue in found)  # no rule of the other language
    assert any(issue.sentence and issue.kind == "guaranteed_return" for issue in found)  # the model still reads it


def test_a_longer_claim_is_reported_once_not_with_the_phrases_inside_it():
    found = messages(article("zh-hans", "稳赚不赔！"), ERROR)
    assert len(found) == 1 and "稳赚不赔" in found[0]


@pytest.mark.parametrize(
    "language, text",
    [("zh-hans", "骗子常说“稳赚不赔”，千万别信。"), ("en", "Scammers promise “guaranteed returns”: don't believe them.")],
)
def test_quoted_claims_are_warnings_for_the_reviewer(language, text):
    page = article(language, text)
    assert messages(page, ERROR) == []
    assert any("quoted" in message for message in messages(page, WARNING))


def test_claims_in_red_flags_and_case_study_fields_are_warnings():
    red_flags = {"type": "red_flags", "value": {"title": "警惕", "items": ["承诺保本保息"]}}
    page = article("zh-hans", "", blocks=[red_flags], what_happened="<p>对方说稳赚不赔。</p>")
    assert messages(page, ERROR) == []
    assert len([message for message in messages(page, WARNING) if "quoted" in message]) == 2


def test_a_rule_added_by_a_reviewer_applies_at_once():
    page = article("en", "Our plan is a sure thing.")
    assert not any(message.startswith("Misleading claim") for message in messages(page))
    ClaimRule.objects.create(phrase="sure thing", language="en", severity="error", explanation="Nothing is sure.")
    assert messages(page, ERROR) == ["Misleading claim “sure thing”: Nothing is sure."]


def test_a_warning_rule_gives_a_warning():
    ClaimRule.objects.create(phrase="收益可观", language="any", severity="warning", explanation="说明收益不确定。")
    assert messages(article("zh-hans", "收益可观。"), WARNING)[0].startswith("Misleading claim “收益可观”")


def test_a_broken_pattern_is_ignored_instead_of_breaking_the_review():
    ClaimRule.objects.create(phrase="(unclosed", is_pattern=True, language="any", explanation="broken")
    assert messages(article("en", "(unclosed"), ERROR) == []


def test_alerts_are_checked_too():
    alert = FraudAlert(title="零风险理财", summary="无", locale=Locale.objects.get(language_code="zh-hans"))
    assert any("零风险" in message for message in messages(alert, ERROR))


# --- risk disclosure ------------------------------------------------------------------------------------

DISCLOSURE = {"type": "risk_disclosure", "value": {"text": "<p>分红不保证。Bonuses are not guaranteed.</p>"}}
NO_DISCLOSURE_ERROR = "This content is marked as product-related but has no risk-disclosure block."


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_product_content_needs_a_risk_disclosure(language):
    assert NO_DISCLOSURE_ERROR in messages(article(language, "Product", product_related=True), ERROR)
    assert NO_DISCLOSURE_ERROR not in messages(article(language, "Product", [DISCLOSURE], product_related=True))
    assert NO_DISCLOSURE_ERROR not in messages(article(language, "Education", product_related=False))


def test_an_empty_disclosure_does_not_count():
    empty = {"type": "risk_disclosure", "value": {"text": "<p> </p>"}}
    assert NO_DISCLOSURE_ERROR in messages(article("en", "Product", [empty], product_related=True))


# --- phone numbers --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "language, text",
    [
        ("zh-hans", "咨询热线 400-123-4567"),
        ("zh-hans", "请联系专员 １３８ ００１３ ８０００"),
        ("en", "Call our adviser on +86 138 0013 8000."),
        ("en", "Hotline: 9 5 5 8 8"),  # spaced, but not ours
    ],
)
def test_unofficial_phone_numbers_are_errors(language, text):
    assert any("is not an official contact" in message for message in messages(article(language, text), ERROR))


@pytest.mark.parametrize(
    "language, text",
    [
        ("zh-hans", "退保请拨打客服热线９５５１１，遇诈骗拨打 9 6 1 1 0。"),
        ("en", "Call 95511, or 12378 for complaints, on 15 March 2026."),
    ],
)
def test_official_phone_numbers_pass(language, text):
    assert not any("official contact" in message for message in messages(article(language, text)))


def test_phone_numbers_in_tel_links_are_checked():
    page = article("en", '<a href="tel:+86%20400%20123%204567">Call us</a>')
    assert any("+86 400 123 4567" in message for message in messages(page, ERROR))


def test_a_contact_added_to_the_allow_list_applies_at_once():
    page = article("zh-hans", "新热线 400-888-9999")
    assert messages(page, ERROR)
    OfficialContact.objects.create(
        name="新热线", kind="phone", value="400 888 9999", locale=Locale.objects.get(language_code="zh-hans")
    )
    assert messages(page, ERROR) == []


# --- films, videos, images ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_films_need_captions_when_self_hosted_and_always_a_transcript(page_of, language):
    self_hosted = page_of(FilmPage, language, video_url="")
    platform = page_of(FilmPage, language, video_url__contains="bilibili")
    assert messages(self_hosted, ERROR) == messages(platform, ERROR) == []
    self_hosted.captions = None
    platform.transcript = "<p></p>"
    assert messages(self_hosted, ERROR) == ["This film plays on this site but has no captions file (WebVTT)."]
    assert messages(platform, ERROR) == ["This film has no transcript."]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_embedded_videos_need_a_transcript(language):
    def video(transcript):
        return {"type": "video", "value": {"url": "https://www.bilibili.com/video/BV1GJ411x7h7", "title": "短片",
                                           "transcript": transcript}}

    assert messages(article(language, "", [video("<p>旁白：挂断电话。</p>")])) == []
    assert messages(article(language, "", [video("")]), ERROR) == ["The video “短片” has no transcript."]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_body_images_need_alt_text_unless_decorative(language):
    image = Image.objects.first()

    def image_block(alt_text, decorative=False):
        value = {"image": image.pk, "alt_text": alt_text, "decorative": decorative}
        return {"type": "image", "value": {"image": value}}

    assert messages(article(language, "", [image_block("")]), ERROR) == [
        f"The image “{image.title}” has no alt text: describe it, or mark it as decorative."
    ]
    assert messages(article(language, "", [image_block("一位老人在接电话 / An older man on the phone")])) == []
    assert messages(article(language, "", [image_block("", decorative=True)])) == []
    # The listing image is shown as decorative in every template, so it needs none.
    assert messages(article(language, "", listing_image=image)) == []


# --- audiences and links --------------------------------------------------------------------------------

NO_AUDIENCE = "No audience is chosen, so this will not appear on any audience page."
SHORTENED = "goes through a URL shortener: link to the full address so readers can see where it leads."


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_no_audience_is_a_warning(language):
    assert messages(article(language, "x", audiences=False), WARNING) == [NO_AUDIENCE]
    assert messages(article(language, "x")) == []


def test_pages_without_audiences_are_not_asked_for_one(page_of):
    assert NO_AUDIENCE not in messages(page_of(StandardPage, "en"))


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_plain_http_and_shortened_links_are_warnings(language):
    links = ("http://example.org/a", "https://t.cn/A6x", "https://m.bit.ly/x")
    page = article(language, " ".join(f'<a href="{url}">link</a>' for url in links))
    assert messages(page, WARNING) == [
        "The link http://example.org/a does not use HTTPS.",
        f"The link https://t.cn/A6x {SHORTENED}",
        f"The link https://m.bit.ly/x {SHORTENED}",
    ]
    safe = '<a href="https://www.example-insurance.cn/">ok</a> <a href="/about/">x</a>'
    assert messages(article(language, safe)) == []


def test_url_fields_are_checked_too():
    english = Locale.objects.get(language_code="en")
    alert = FraudAlert(title="Alert", summary="x", link="http://bit.ly/abc", locale=english)
    assert [message for message in messages(alert, WARNING) if "http://bit.ly/abc" in message] == [
        "The link http://bit.ly/abc does not use HTTPS.",
        f"The link http://bit.ly/abc {SHORTENED}",
    ]


def test_the_comment_lists_errors_then_warnings():
    report = run_checks(article("en", "A risk-free plan", audiences=False))
    assert report.as_comment() == (
        "1 error:\n• Misleading claim “risk-free”: Every financial product carries risk; never call one risk-free.\n"
        f"1 warning:\n• {NO_AUDIENCE}"
    )
