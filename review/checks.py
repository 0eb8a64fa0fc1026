"""The consumer-protection pre-checks: one small function per rule.

Each check reads the ``ReviewContent`` of a page or alert (``review.content``)
and yields ``Issue`` objects: errors block approval, warnings go on to the
reviewer. ``run_checks(obj)`` runs them all; the automated workflow task
(``review.models.PreCheckTask``) and the panel in the edit view (``foundation.panels``,
through the ``register_content_checks`` hook) both call it, so editors see while editing
exactly what the workflow will decide.

Rules that change live in snippets — ``ClaimRule`` (misleading phrases) and
``OfficialContact`` (the allow-list of phone numbers) — and are read on every
run, never cached, so a rule a reviewer adds applies to the next check. The
claim check (``review.claims``) adds the AI-assisted part: a local model and the
context each sentence stands in.
Messages are translated into the active language when the check runs.
"""

from urllib.parse import unquote, urlsplit

from django.utils.translation import gettext as _
from wagtail.images.blocks import ImageBlock

from foundation.blocks import RiskDisclosureBlock, VideoEmbedBlock
from foundation.translations import OUTDATED, source_of, translation_state

from .claims import check_claims
from .content import ReviewContent, has_text
from .issues import ERROR, WARNING, Issue, Report
from .models import OfficialContact
from .phones import find_phone_numbers, normalise_phone

# Public URL shorteners: readers cannot see where such a link leads, and scams use them.
SHORTENER_DOMAINS = frozenset(
    {
        "t.cn", "dwz.cn", "url.cn", "suo.im", "sohu.gg", "985.so", "mrw.so", "rrd.me", "t.im", "u.nu",
        "bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "buff.ly", "rebrand.ly", "cutt.ly", "s.id",
    }
)


def run_checks(obj):
    """Run every check on a page or alert (usually a revision's object)."""
    content = ReviewContent.of(obj)
    return Report(tuple(issue for check in CHECKS for issue in check(content)))


# --- risk disclosure ------------------------------------------------------------------------------------


def check_risk_disclosure(content):
    """Content marked product-related must carry a non-empty risk-disclosure block."""
    if not getattr(content.obj, "product_related", False):
        return
    disclosures = [value for block, value in content.blocks if isinstance(block, RiskDisclosureBlock)]
    if not any(has_text(value["text"].source) for value in disclosures):
        yield Issue(ERROR, _("This content is marked as product-related but has no risk-disclosure block."))


# --- phone numbers --------------------------------------------------------------------------------------


def check_phone_numbers(content):
    """Every phone number in the text or in ``tel:`` links must be an official contact."""
    official = {
        normalise_phone(value)
        for value in OfficialContact.objects.filter(kind=OfficialContact.Kind.PHONE).values_list("value", flat=True)
    }
    texts = [segment.text for segment in content.segments]
    texts += [unquote(link[len("tel:"):]) for link in content.links if link.lower().startswith("tel:")]
    reported = set()
    for text in texts:
        for number in find_phone_numbers(text):
            if number.digits not in official and number.digits not in reported:
                reported.add(number.digits)
                message = _("The phone number %(number)s is not an official contact. Print only numbers listed "
                            "under Official contacts: fraudsters fake hotlines.")
                yield Issue(ERROR, message % {"number": number.text})


# --- captions, transcripts, alt text ----------------------------------------------------------------------


def check_content_type(content):
    """What the page type itself checks (``review_issues()``, e.g. a film's captions and transcript)."""
    review_issues = getattr(content.obj, "review_issues", None)
    if review_issues is not None:
        yield from review_issues()


def check_video_transcripts(content):
    for block, value in content.blocks:
        if isinstance(block, VideoEmbedBlock) and not has_text(value["transcript"].source):
            yield Issue(ERROR, _("The video “%(title)s” has no transcript.") % {"title": value["title"]})


def check_image_alt_text(content):
    """Body images need alt text unless marked decorative (listing images are decorative by design);
    images inside rich text need their alt text too."""
    images = [image for block, image in content.blocks if isinstance(block, ImageBlock) and image]
    for image in images:
        if not image.decorative and not (image.contextual_alt_text or "").strip():
            message = _("The image “%(title)s” has no alt text: describe it, or mark it as decorative.")
            yield Issue(ERROR, message % {"title": image.title})
    for embedded in content.inline_images:
        if not embedded.alt.strip():
            message = _("An image in the text (image %(id)s) has no alt text: describe it in the image's settings.")
            yield Issue(ERROR, message % {"id": embedded.image_id})


# --- audiences and links --------------------------------------------------------------------------------


def check_audiences(content):
    audiences = content.audiences
    if audiences is not None and not audiences:
        yield Issue(WARNING, _("No audience is chosen, so this will not appear on any audience page."))


def check_links(content):
    """Plain-HTTP links and URL shorteners: readers cannot trust where they lead."""
    for url in dict.fromkeys(content.links):
        try:
            parts = urlsplit(url.strip())
        except ValueError:
            yield Issue(WARNING, _("The link %(url)s is not a valid address.") % {"url": url})
            continue
        host = (parts.hostname or "").lower()
        if parts.scheme.lower() == "http":
            yield Issue(WARNING, _("The link %(url)s does not use HTTPS.") % {"url": url})
        if any(host == domain or host.endswith("." + domain) for domain in SHORTENER_DOMAINS):
            yield Issue(WARNING, _("The link %(url)s goes through a URL shortener: link to the full address so "
                                   "readers can see where it leads.") % {"url": url})


# --- translations ------------------------------------------------------------------------------------------


def check_translation(content):
    """A translation whose original was published after it was last saved (``foundation.translations``)."""
    obj = content.obj
    source = source_of(obj) if obj.pk and hasattr(obj, "translation_key") else None
    if source is not None and translation_state(obj) == OUTDATED:
        message = _("Translation out of date: the original (%(language)s) was published after this translation was "
                    "last saved. Bring it up to date, then save.")
        yield Issue(WARNING, message % {"language": source.locale.get_display_name()})


CHECKS = (
    check_claims,
    check_risk_disclosure,
    check_phone_numbers,
    check_content_type,
    check_video_transcripts,
    check_image_alt_text,
    check_audiences,
    check_links,
    check_translation,
)
