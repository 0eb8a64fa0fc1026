"""The kinds of misleading claim the pre-check knows, and the rule behind each.

The labelled corpus (``review/data/claims.jsonl``) and the reviewer-taught examples use these
keys. Ten kinds are misleading; three are legitimate (the site's own warnings and case studies,
risk disclosures, neutral education): the classifier learns both sides, which is what tells a
warning that quotes a refund agent's advert from the advert itself.
"""

from django.utils.translation import gettext_lazy as _

MISLEADING = {
    "guaranteed_return": (
        _("guaranteed principal or returns"),
        _("Advertising Law art. 25; Insurance Sales Conduct Measures (2023): no promise of principal or returns."),
    ),
    "deposit_disguise": (
        _("insurance presented as a deposit or savings product"),
        _("Guidelines on misleading life-insurance sales: insurance must not be passed off as deposits or wealth products."),
    ),
    "deposit_comparison": (
        _("one-sided comparison with bank deposits"),
        _("Guidelines on misleading life-insurance sales: no one-sided comparison with deposits or other products."),
    ),
    "stop_sale_pressure": (
        _("stop-sale or limited-time pressure"),
        _("Regulators' notices on stop-sale hype (炒停售): no false urgency to rush a purchase."),
    ),
    "rate_promise": (
        _("promised rate, dividend or yield"),
        _("Insurance Sales Conduct Measures (2023): dividends and yields are uncertain and must not be promised."),
    ),
    "official_endorsement": (
        _("government or state endorsement"),
        _("Advertising Law art. 9 and 25: no use of state bodies' names or implied official guarantees."),
    ),
    "free_bait": (
        _("free cover or gifts as bait"),
        _("Notice on internet life insurance: no 'free' insurance as bait for sales."),
    ),
    "insider_channel": (
        _("insider or staff-only channel"),
        _("Financial marketing rules: no fictitious internal quotas or channels."),
    ),
    "refund_agent": (
        _("refund-agent advertising"),
        _("Risk notice on 'surrender refund agents' (代理退保): such services are unlawful and costly."),
    ),
    "testimonial_return": (
        _("testimonial of returns"),
        _("Advertising Law art. 25: no customer testimonials of returns or promised effects."),
    ),
}
LEGITIMATE = {
    "warning": _("anti-fraud warning or quotation"),
    "risk_disclosure": _("risk disclosure"),
    "education": _("education"),
}
ALL_KINDS = [*MISLEADING, *LEGITIMATE]


def label_of(kind):
    return MISLEADING[kind][0] if kind in MISLEADING else LEGITIMATE[kind]


def basis_of(kind):
    return MISLEADING[kind][1] if kind in MISLEADING else ""


def choices():
    return [(kind, label_of(kind)) for kind in ALL_KINDS]
