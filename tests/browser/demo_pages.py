"""One URL per page type of the seeded demo (``seed_demo``), in each language.

The kinds are the public page types (every page model) plus the variants that render
differently: an alert's own page, a platform film (click-to-load facade) and a self-hosted film
(``<video>`` with captions), an education article and a case study, the contact check with an
answer and a pasted message's marks, the help page, and a search with results.
"""

from urllib.parse import quote

from django.urls import reverse
from django.utils import translation

from alerts.models import AlertIndexPage, FraudAlert
from articles.models import ArticleIndexPage, ArticlePage, QuizPage
from campaigns.models import CampaignIndexPage, CampaignPage, EventIndexPage, EventPage, FilmIndexPage, FilmPage
from portal.models import AudiencePage, HelpPage, HomePage, ReportFormPage, StandardPage

SEARCH_WORDS = {"zh-hans": "退保", "en": "refund"}
SCAM_MESSAGES = {
    "zh-hans": "您的保单可全额退保，保本保息！今天内拨打 400-123-4567 或点击 http://tb-refund.cn/a1，并提供验证码。",
    "en": "URGENT: get a full refund of your policy, risk-free. Call 400-820-8820 today and tell us the verification code.",
}

PAGE_KINDS = [
    "home", "standard", "audience", "alert-index", "alert", "campaign-index", "campaign", "event-index",
    "event", "film-index", "film-platform", "film-self-hosted", "article-index", "article", "case-study",
    "quiz", "report-form", "help", "contact-check", "contact-check-message", "search",
]
READ_ALOUD_KINDS = ["article", "case-study", "film-platform", "alert"]


def _page(model, language, **filters):
    page = model.objects.live().filter(locale__language_code=language, **filters).order_by("path").first()
    assert page is not None, f"the demo has no live {model.__name__} ({language}, {filters})"
    return page


def find_page_urls():
    """``{kind: {language: path}}`` for every kind in ``PAGE_KINDS``."""
    urls = {kind: {} for kind in PAGE_KINDS}
    for language in ("zh-hans", "en"):
        alert_index = _page(AlertIndexPage, language)
        alert = FraudAlert.objects.active().filter(locale__language_code=language).first()
        found = {
            "home": _page(HomePage, language).url,
            "standard": _page(StandardPage, language).url,
            "audience": _page(AudiencePage, language, audience__slug="elderly").url,
            "alert-index": alert_index.url,
            "alert": alert_index.url + alert_index.reverse_subpage("alert_route", args=[alert.pk]),
            "campaign-index": _page(CampaignIndexPage, language).url,
            "campaign": _page(CampaignPage, language, kind="anti-fraud-drive").url,
            "event-index": _page(EventIndexPage, language).url,
            "event": _page(EventPage, language).url,
            "film-index": _page(FilmIndexPage, language).url,
            "film-platform": _page(FilmPage, language, slug="the-refund-call").url,
            "film-self-hosted": _page(FilmPage, language, slug="anti-fraud-short").url,
            "article-index": _page(ArticleIndexPage, language).url,
            "article": _page(ArticlePage, language, slug="cooling-off-period").url,
            "case-study": _page(ArticlePage, language, slug="fake-surrender-refund-agents").url,
            "quiz": _page(QuizPage, language).url,
            "report-form": _page(ReportFormPage, language).url,
            "help": _page(HelpPage, language).url,
        }
        with translation.override(language):
            found["contact-check"] = reverse("contact_check") + "?q=96110"
            found["contact-check-message"] = reverse("contact_check") + "?q=" + quote(SCAM_MESSAGES[language])
            found["search"] = reverse("search") + f"?q={quote(SEARCH_WORDS[language])}"
        for kind, url in found.items():
            urls[kind][language] = url
    return urls
