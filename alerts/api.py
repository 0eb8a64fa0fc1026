"""``/api/v2/alerts/``: published fraud alerts for partner platforms, so they show the same warning at the same time.

``FraudAlert.api_fields`` says what each item carries (severity, summary, active window, audiences
and the alert's page). ``?locale=en``, ``?severity=critical`` and ``?active=true|false`` narrow the list.
"""

from django.utils import timezone
from wagtail.api import APIField
from wagtail.api.v2.filters import FieldsFilter, LocaleFilter, OrderingFilter
from wagtail.api.v2.serializers import PageLocaleField
from wagtail.api.v2.utils import BadRequestError, parse_boolean
from wagtail.api.v2.views import BaseAPIViewSet

from foundation.api import ValidatedParametersMixin

from .models import FraudAlert


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
        # Not before their window opens: an alert published ahead of time stays out until then.
        alerts = FraudAlert.objects.started().select_related("locale").prefetch_related("audiences")
        if "active" in self.request.GET:
            try:
                active = parse_boolean(self.request.GET["active"])
            except ValueError as error:
                raise BadRequestError("active must be true or false") from error
            active_ids = FraudAlert.objects.active(timezone.now()).values("pk")
            alerts = alerts.filter(pk__in=active_ids) if active else alerts.exclude(pk__in=active_ids)
        return alerts.order_by("-active_from", "-pk")
