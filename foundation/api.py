"""What every endpoint of the read-only API v2 shares: hostile parameters answer 400, never 500."""

from django.core.exceptions import ValidationError
from wagtail.api.v2.utils import BadRequestError


class ValidatedParametersMixin:
    """Answers 400 when a value cannot be converted (``?first_published_at=soon``, ``find/?id=abc``).

    Wagtail checks parameter names, but a field filter's value reaches the ORM as typed, and a
    date or number it cannot read raises an error that would otherwise be a 500.
    """

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
