"""What search files content under, as the content types describe themselves.

Pages declare a ``listing_kind`` (``foundation.models.pages``), alerts declare theirs, and every
other public page is filed as ``page``. ``?type=`` takes these keys and the type facet shows
their labels; nothing here lists the types by hand.
"""

from django.utils.translation import gettext_lazy as _

from alerts.models import FraudAlert
from foundation.models import listed_page_types

OTHER_PAGES = "page"


def searchable_kinds():
    """``{kind: label}`` of everything search can return, pages first."""
    kinds = {kind: model.listing_kind_label for kind, model in listed_page_types().items()}
    kinds[FraudAlert.listing_kind] = FraudAlert.listing_kind_label
    kinds[OTHER_PAGES] = _("Other pages")
    return kinds


def kind_choices():
    """The kinds as form choices (a callable, so the form reads the page types once they are loaded)."""
    return [(kind, kind) for kind in searchable_kinds()]
