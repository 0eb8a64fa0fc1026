"""What every endpoint of the read-only API v2 shares: hostile parameters answer 400, never 500."""

import unicodedata

from django.core.exceptions import ValidationError
from wagtail.api.v2.utils import BadRequestError

# Deeper than any partner pages: an offset past the database's integer range was a 500.
MAX_OFFSET = 100_000
MAX_SEARCH_LENGTH = 200


def check_search(text):
    """Refuse search text the search backends cannot take: control characters (``%00``), an odd quote.

    Wagtail's database backend hands a lone ``"`` to SQLite's full-text syntax, which fails
    ("unterminated string"); a NUL byte fails in PostgreSQL. Both are 400 here instead.
    """
    if len(text) > MAX_SEARCH_LENGTH:
        raise BadRequestError(f"search is longer than {MAX_SEARCH_LENGTH} characters")
    if any(unicodedata.category(char) in ("Cc", "Cs") for char in text):
        raise BadRequestError("search contains control characters")
    if text.count('"') % 2:
        raise BadRequestError("search has an unbalanced quote")


class ValidatedParametersMixin:
    """Answers 400 when a value cannot be converted (``?first_published_at=soon``, ``find/?id=abc``).

    Wagtail checks parameter names, but a field filter's value reaches the ORM as typed, and a
    date or number it cannot read raises an error that would otherwise be a 500. The same goes
    for ``offset`` beyond the database's integers and search text the backend cannot parse.
    """

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        for name in ("offset", "limit"):
            value = self.request.GET.get(name)
            if value is not None and (not value.isdigit() or int(value) > MAX_OFFSET):
                raise BadRequestError(f"{name} must be a whole number from 0 to {MAX_OFFSET}")
        if "search" in self.request.GET:
            check_search(self.request.GET["search"])

    def filter_queryset(self, queryset):
        try:
            return super().filter_queryset(queryset)
        except ValidationError as error:
            raise BadRequestError("filter error: " + "; ".join(error.messages)) from error

    def find_object(self, queryset, request):
        try:
            return super().find_object(queryset, request)
        except (ValueError, ValidationError) as error:
            raise BadRequestError("find error: not a valid value") from error


def in_public_use(queryset):
    """Images or documents used by a live public page, or kept in a collection named in ``PUBLIC_MEDIA_COLLECTIONS``.

    An upload is not public because it exists: an editor's embargoed image (tomorrow's campaign, a
    draft alert) sits in the library until a page that uses it is published. Wagtail's reference
    index (``ReferenceIndex``, updated on every save) says which pages use which files; only live
    pages outside any view restriction (``foundation.privacy.public``) count.
    """
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import CharField, IntegerField, Q
    from django.db.models.functions import Cast
    from wagtail.models import Page, ReferenceIndex

    from foundation.privacy import public

    pages = public(Page.objects.live()).annotate(key=Cast("pk", CharField())).values("key")
    used = (
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=pages,
            to_content_type=ContentType.objects.get_for_model(queryset.model),
        )
        .annotate(target=Cast("to_object_id", IntegerField()))
        .values("target")
    )
    return queryset.filter(Q(pk__in=used) | Q(collection__name__in=settings.PUBLIC_MEDIA_COLLECTIONS))
