"""Films and read-aloud in a real browser.

* A platform film loads nothing from the platform until its play control is pressed; then the
  player appears as a titled iframe with autoplay off, and a link to the film on its platform stays. A self-hosted film never autoplays and has
  a captions track; every film page has a transcript.
* Read aloud speaks the text with ``speechSynthesis`` in the page's language and stop cancels it.
  The API is replaced by a recording stub before the page's scripts run.
"""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from tests.browser.conftest import LANGUAGES
from tests.browser.demo_pages import READ_ALOUD_KINDS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SPEECH_STUB = """
window.spoken = []; window.cancelled = 0;
Object.defineProperty(window, "speechSynthesis", {configurable: true, value: {
  speak: utterance => window.spoken.push({text: utterance.text, lang: utterance.lang}),
  cancel: () => { window.cancelled += 1; },
  getVoices: () => [], pause: () => {}, resume: () => {}, speaking: false, pending: false, paused: false,
}});
"""
NO_SPEECH = "delete window.speechSynthesis; delete Window.prototype.speechSynthesis;"


def translated(language, text):
    with translation.override(language):
        return gettext(text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_platform_film_requests_nothing_from_the_platform_before_play(pages, page_urls, language):
    page = pages.open(page_urls["film-platform"][language])
    page.wait_for_load_state("networkidle")
    assert pages.blocked == [], f"third-party requests before play: {pages.blocked}"
    assert page.locator("iframe").count() == 0
    title = page.locator("h1").inner_text()
    play = page.locator(".video-facade__play")
    assert title in play.inner_text(), f"the play control's name {play.inner_text()!r} should name the film"
    watch_url = play.get_attribute("href")
    with page.expect_request(lambda request: "bilibili.com" in request.url):  # the player, only now
        play.click()
    frame = page.locator(".video-facade iframe")
    assert frame.get_attribute("title") == title
    assert "autoplay=0" in frame.get_attribute("src")
    # Should the player not load, the film on its platform is still one link away.
    fallback = page.locator(".video-facade a.video-facade__link")
    assert fallback.is_visible() and fallback.get_attribute("href") == watch_url
    assert page.locator(".video-facade__play").count() == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_self_hosted_film_has_captions_and_never_autoplays(pages, page_urls, language):
    page = pages.open(page_urls["film-self-hosted"][language])
    page.wait_for_load_state("networkidle")
    assert pages.blocked == [], pages.blocked
    video = page.locator("video")
    assert video.get_attribute("autoplay") is None and video.evaluate("v => v.paused")
    track = page.locator("video track[kind='captions']")
    assert track.get_attribute("srclang") == language[:2] and track.get_attribute("src").endswith(".vtt")


@pytest.mark.parametrize("kind", ["film-platform", "film-self-hosted"])
def test_film_pages_show_a_transcript(visit, page_urls, kind):
    page = visit(page_urls[kind]["en"])
    transcript = page.locator("#transcript")
    assert transcript.is_visible() and len(transcript.inner_text()) > 40, transcript.inner_text()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", READ_ALOUD_KINDS)
def test_read_aloud_speaks_the_text_in_the_page_language_and_stops(pages, page_urls, kind, language):
    page = pages.open(page_urls[kind][language], init_script=SPEECH_STUB)
    start = page.get_by_role("button", name=translated(language, "Read aloud"))
    stop = page.get_by_role("button", name=translated(language, "Stop reading"))
    assert start.is_visible() and stop.is_visible()
    target = page.locator("#" + page.locator("[data-read-aloud]").get_attribute("data-read-aloud"))
    heading = target.locator("h1, h2").first.inner_text()
    last_paragraph = target.locator("p").last.inner_text()

    start.click()
    spoken = page.evaluate("() => window.spoken")
    text = " ".join(utterance["text"] for utterance in spoken)
    assert heading in text and last_paragraph.strip() in text, f"spoken: {text[:300]!r}"
    assert translated(language, "Read aloud") not in text, "the controls themselves must not be read"
    html_lang = page.evaluate("() => document.documentElement.lang")
    assert {utterance["lang"] for utterance in spoken} == {html_lang}

    cancelled = page.evaluate("() => window.cancelled")
    stop.click()
    assert page.evaluate("() => window.cancelled") == cancelled + 1
    assert len(page.evaluate("() => window.spoken")) == len(spoken), "stop must not speak"


@pytest.mark.parametrize("javascript", [True, False])
def test_read_aloud_stays_hidden_without_speech_synthesis(pages, page_urls, javascript):
    page = pages.open(page_urls["case-study"]["en"], javascript=javascript, init_script=NO_SPEECH)
    if javascript:
        assert page.evaluate("() => 'speechSynthesis' in window") is False
    assert page.locator("[data-read-aloud]").is_hidden()
