"""The misleading-claim check: the reviewers' phrase rules and a local model, read in context.

Every sentence of the content (``ReviewContent.sentences``: normalised, each with its context,
``review.sentences``) is read twice:

* by the rules — ``ClaimRule`` phrases and patterns, normalised like the text, so spacing,
  traditional characters, full-width digits and invisible characters do not hide a phrase;
* by the model — ``review.classifier``: the probability that the sentence is misleading, its
  most likely kind, and the nearest labelled example of that kind.

What it becomes depends on the context, so the site's warnings never block themselves:

============================  ======================  ==========================================
                              the page's own claim    quoted, warning or case-study context
============================  ======================  ==========================================
a rule matches                the rule's severity     warning ("make sure it reads as a warning")
model ≥ ``HIGH``              error (a warning when   warning when ≥ ``QUOTED_HIGH``, else nothing
                              the sentence is short)
model ≥ ``LOW``               warning                 nothing
============================  ======================  ==========================================

A short sentence (a title, a label: fewer than ``SHORT_CJK`` Chinese characters or ``SHORT_WORDS``
words) gives the model too little to judge a stance by, so on its own the model only warns there;
the rules still block a short claim they know ("稳赚不赔!"). A sentence gets one finding per rule
that matches it, or else the model's one; a sentence a reviewer dismissed on this page is not
raised again.
"""

import hashlib
import re

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from . import classifier, kinds
from .issues import ERROR, WARNING, Issue
from .models import ClaimRule, DismissedFinding
from .sentences import CLAIM, quoted_spans
from .text import normalise

HIGH = 0.9  # model confidence that blocks approval in the page's own claim
LOW = 0.7  # model confidence worth the reviewer's look (lower, and the site's own text is mostly false alarms)
QUOTED_HIGH = 0.97  # in a warning or quotation, the context outweighs all but a near-certain model
SHORT_CJK, SHORT_WORDS = 8, 5
CJK = re.compile(r"[\u3400-\u9fff]")
SPACING = r"[\s\-]*"  # a space or hyphen in a phrase matches any spacing: "risk-free", "risk free"


def claim_pattern(rule):
    """A compiled pattern for a rule, or None for a broken regular expression.

    Plain phrases are normalised like the text, match case-insensitively and tolerate spacing
    inside them ("risk free"); Latin phrases must start at a word boundary.
    """
    if rule.is_pattern:
        try:
            return re.compile(rule.phrase, re.IGNORECASE)
        except re.error:
            return None  # ClaimRule.clean() refuses these; a row stored around it must not break the review
    phrase = normalise(rule.phrase).strip()
    parts = []
    for char in phrase:
        if char.isspace() or char == "-":
            if parts[-1:] != [SPACING]:
                parts.append(SPACING)
        else:
            parts.append(re.escape(char))
    prefix = "" if CJK.match(phrase[:1]) else r"(?<![0-9a-z])"
    return re.compile(prefix + "".join(parts), re.IGNORECASE)


def is_short(text):
    return len(CJK.findall(text)) < SHORT_CJK and len(re.findall(r"[A-Za-z]+", text)) < SHORT_WORDS


def fingerprint(sentence_text):
    return hashlib.sha256(sentence_text.encode()).hexdigest()


def dismissed_on(obj):
    """Fingerprints of the sentences reviewers dismissed on this page or snippet."""
    if obj.pk is None:
        return set()
    content_type = ContentType.objects.get_for_model(obj)
    rows = DismissedFinding.objects.filter(content_type=content_type, object_id=str(obj.pk))
    return set(rows.values_list("fingerprint", flat=True))


def rule_hits(patterns, sentence):
    """``(rule, matched text, inside quotation marks)`` for each rule matching, longer phrases hiding the ones
    inside them, most severe first."""
    matches = [(rule, match) for rule, pattern in patterns if pattern for match in pattern.finditer(sentence.text)]
    kept, spans = [], []
    for rule, match in sorted(matches, key=lambda hit: hit[1].start() - hit[1].end()):  # longest first
        start, end = match.span()
        if start == end or any(s <= start and end <= e for s, e in spans):
            continue
        spans.append((start, end))
        quoted = any(s <= start and end <= e for s, e in quoted_spans(sentence.text))
        kept.append((rule, match.group(), quoted))
    return sorted(kept, key=lambda hit: hit[0].severity != ERROR)


def findings(sentence, hits, prediction):
    """The ``Issue`` objects for one sentence: one per rule that matches, else the model's, or none."""
    if hits:
        return [finding(sentence, hit, prediction) for hit in hits]
    issue = finding(sentence, None, prediction)
    return [issue] if issue else []


def finding(sentence, hit, prediction):
    """The ``Issue`` for one rule hit in a sentence, or for the model's reading of it (see the module's table)."""
    own_claim = sentence.context == CLAIM
    example = prediction.example.text if prediction.example else ""
    details = {
        "kind": prediction.kind, "sentence": sentence.text, "confidence": round(prediction.misleading, 2),
        "example": example, "basis": str(kinds.basis_of(prediction.kind)),
        "fingerprint": fingerprint(sentence.text), "context": sentence.context,
    }
    if hit is not None:
        rule, phrase, quoted = hit
        values = {"phrase": phrase, "explanation": rule.explanation}
        if own_claim and not quoted:
            return Issue(rule.severity, _("Misleading claim “%(phrase)s”: %(explanation)s") % values, **details)
        message = _("“%(phrase)s” is quoted or describes a scam: make sure it reads as a warning, not a promise. "
                    "%(explanation)s") % values
        return Issue(WARNING, message, **details)
    if prediction.misleading < (LOW if own_claim else QUOTED_HIGH):
        return None
    level = ERROR if own_claim and prediction.misleading >= HIGH and not is_short(sentence.text) else WARNING
    values = {
        "kind": kinds.label_of(prediction.kind), "confidence": round(100 * prediction.misleading),
        "sentence": sentence.text, "example": example, "basis": kinds.basis_of(prediction.kind),
    }
    if own_claim:
        message = _("Possibly misleading (%(kind)s, %(confidence)d%%): “%(sentence)s” reads like “%(example)s”. "
                    "%(basis)s") % values
    else:
        message = _("Quoted or warning text that reads like a claim (%(kind)s, %(confidence)d%%): “%(sentence)s”: "
                    "make sure it reads as a warning. %(basis)s") % values
    return Issue(level, message, **details)


def language_patterns(language):
    """``[(rule, compiled pattern)]`` of the rules that apply to text in ``language``."""
    rules = ClaimRule.objects.filter(language__in=[ClaimRule.Language.ANY, language])
    return [(rule, claim_pattern(rule)) for rule in rules]


def sentence_findings(found, patterns, predictions):
    """``(sentence, [Issue])`` for each sentence, from its rule hits and the model's prediction for it."""
    for sentence, prediction in zip(found, predictions):
        yield sentence, findings(sentence, rule_hits(patterns, sentence), prediction)


def check_claims(content):
    """Misleading claims in the content's sentences, from the rules and the model, in context."""
    found = content.sentences
    if not found:
        return
    predictions = classifier.current().predict([sentence.text for sentence in found])
    skip = dismissed_on(content.obj)
    for sentence, issues in sentence_findings(found, language_patterns(content.language), predictions):
        if fingerprint(sentence.text) in skip:
            continue
        if issues:
            skip.add(fingerprint(sentence.text))
            yield from issues
