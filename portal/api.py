"""The read-only Wagtail API v2 (``/api/v2/``) for partner platforms: pages, images, documents, alerts.

Everything here is public already; the API only makes it machine-readable:

* ``pages/`` — live pages outside any view restriction, whoever asks (Wagtail's own endpoint would
  also show a logged-in editor the pages their groups may see). Each type's ``api_fields`` add what
  partners use: summary, audiences, topics, dates, a film's provider and duration.
* ``alerts/`` — published fraud alerts (``FraudAlert.api_fields``: severity, summary, active window,
  audiences and the alert's page), so partners can show the same warning at the same time.
  ``?locale=en``, ``?severity=critical`` and ``?active=true|false`` narrow the list.
* ``images/`` and ``documents/`` — Wagtail's endpoints (documents in restricted collections stay out).

Query parameters are hostile input: unknown parameters and malformed values answer 400, never 500.
No endpoint writes, and none exposes users, revisions or form submissions.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.api import APIField
from wagtail.api.v2.filters import FieldsFilter, LocaleFilter, OrderingFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageLocaleField
from wagtail.api.v2.utils import BadRequestError, parse_boolean
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from portal.models import FraudAlert
from portal.privacy import public


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


class PublicPagesAPIViewSet(ValidatedParametersMixin, PagesAPIViewSet):
    def get_base_queryset(self):
        return public(super().get_base_queryset())


class AlertsAPIViewSet(ValidatedParametersMixin, BaseAPIViewSet):
    name = "alerts"
    model = FraudAlert
    filter_backends = [FieldsFilter, LocaleFilter, OrderingFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["locale", "active"])
    meta_fields = BaseAPIViewSet.meta_fields + [
        APIField("locale", serializer=PageLocaleField(read_only=True)),  # the language code, as for pages
        "first_published_at",
        "last_published_at",
    ]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "locale", "title", "severity", "summary", "active_from", "active_until", "html_url",
    ]

    def get_queryset(self):
        alerts = FraudAlert.objects.published().select_related("locale").prefetch_related("audiences")
        if "active" in self.request.GET:
            try:
                active = parse_boolean(self.request.GET["active"])
            except ValueError as error:
                raise BadRequestError("active must be true or false") from error
            active_ids = FraudAlert.objects.active(timezone.now()).values("pk")
            alerts = alerts.filter(pk__in=active_ids) if active else alerts.exclude(pk__in=active_ids)
        return alerts.order_by("-active_from", "-pk")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
api_router.register_endpoint("alerts", AlertsAPIViewSet)
