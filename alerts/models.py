"""Fraud alerts: short official warnings, and the page that lists them."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from foundation import cache
from foundation.forms import SameLocaleChoicesModelForm
from foundation.listing import paginate, read_filters
from foundation.models import IndexPage, language_code_of
from foundation.panels import ContentChecksPanel
from foundation.posters import poster_content, poster_response
from foundation.previews import ViewPreviews
from foundation.privacy import public
from foundation.sharing import absolute_url


class FraudAlertQuerySet(models.QuerySet):
    def published(self):
        return self.filter(live=True)

    def started(self, now=None):
        """Published alerts whose window has begun (current or past): what visitors and partners may see.

        An alert published ahead of time (a warning prepared for tomorrow's campaign launch) is
        live, but must not be reachable by its id, poster or the API before ``active_from``.
        """
        return self.published().filter(active_from__lte=now or timezone.now())

    def active(self, now=None):
        """Published alerts inside their active window, most severe first, then newest."""
        now = now or timezone.now()
        return (
            self.published()
            .filter(active_from__lte=now)
            .filter(Q(active_until__isnull=True) | Q(active_until__gt=now))
            .annotate(
                severity_rank=Case(
                    *[When(severity=key, then=Value(rank)) for rank, key in enumerate(FraudAlert.SEVERITY_ORDER)],
                    output_field=IntegerField(),
                )
            )
            .order_by("severity_rank", "-active_from")
        )

    def past(self, now=None):
        now = now or timezone.now()
        return self.published().filter(active_until__lte=now).order_by("-active_until")


class FraudAlert(
    TranslatableMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    ViewPreviews,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """A short official warning ("beware of fake surrender-refund agents").

    A snippet with Wagtail's drafts, revisions and workflows, so alerts pass the
    same consumer-protection review as pages.

    Time has one meaning, the *active window*. ``active_from`` is when the alert
    goes live: an alert approved ahead of it is scheduled, and Wagtail's
    scheduler (``publish_scheduled``) publishes it then, which is also when it
    is syndicated. ``active_until`` is when it ends: it leaves the banner and
    moves to the past alerts, still published, because an issued warning stays
    on record (Wagtail's expiry would unpublish it). So the window drives
    Wagtail's ``go_live_at`` (``save_revision``) and ``expire_at`` is never set;
    the edit form has no separate schedule. ``status_string`` says where an
    alert stands in Wagtail's words (draft, in moderation, scheduled, live,
    expired), counting the window.
    See https://docs.wagtail.org/en/stable/topics/snippets/features.html
    """

    class Severity(models.TextChoices):
        INFO = "info", _("Information")
        WARNING = "warning", _("Warning")
        CRITICAL = "critical", _("Critical")

    SEVERITY_ORDER = ["critical", "warning", "info"]

    title = models.CharField(_("title"), max_length=120)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices, default=Severity.WARNING)
    audiences = ParentalManyToManyField("foundation.Audience", verbose_name=_("audiences"), blank=True, related_name="alerts")
    summary = models.CharField(_("summary"), max_length=300)
    body = RichTextField(_("body"), blank=True)
    link = models.URLField(_("link for more information"), blank=True)
    active_from = models.DateTimeField(
        _("goes live at"), default=timezone.now,
        help_text=_("When visitors, subscribers and partners first see the alert. If it is approved earlier, "
                    "it is scheduled and goes live at this time."),
    )
    active_until = models.DateTimeField(
        _("ends at"), null=True, blank=True,
        help_text=_("When the alert leaves the site banner; it stays listed under past alerts. "
                    "Leave empty for an alert without an end."),
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="fraud_alert")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="fraud_alert",
        for_concrete_model=False,
    )

    objects = FraudAlertQuerySet.as_manager()

    panels = [
        ContentChecksPanel(),
        FieldPanel("title"),
        FieldPanel("severity"),
        FieldPanel("audiences"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("link"),
        FieldPanel("active_from"),
        FieldPanel("active_until"),
    ]
    # The audiences as checkboxes, only this alert's language's (``foundation.forms``).
    base_form_class = SameLocaleChoicesModelForm
    search_fields = [index.SearchField("title"), index.SearchField("summary"), index.SearchField("body")]
    # Listed in search under this kind (the contract of ``foundation.models.pages``).
    listing_kind = "alert"
    listing_kind_label = _("Fraud alerts")
    # Served by the alerts endpoint of the API (alerts.api), so partner platforms can publish the same warning.
    api_fields = [
        APIField(name) for name in (
            "title", "severity", "summary", "body", "link", "active_from", "active_until", "is_active",
            "audience_slugs", "html_url",
        )
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("fraud alert")
        verbose_name_plural = _("fraud alerts")

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        super().clean()
        if self.active_from and self.active_until and self.active_until <= self.active_from:
            raise ValidationError({"active_until": _("An alert must end after it goes live.")})

    def save_revision(self, *args, **kwargs):
        """Every version carries the window as Wagtail's schedule: publishing it before ``active_from``
        schedules it for then, and nothing expires it (see the class docstring)."""
        self.go_live_at = self.active_from if self.active_from > timezone.now() else None
        self.expire_at = None
        return super().save_revision(*args, **kwargs)

    @property
    def status_string(self):
        """Wagtail's status words, with the window: a live alert is "scheduled" before it and "expired" after."""
        if self.live:
            now = timezone.now()
            if self.active_from > now:
                return _("scheduled")
            if self.active_until is not None and self.active_until <= now:
                return _("expired")
        return super().status_string

    def is_active(self, now=None):
        now = now or timezone.now()
        return self.live and self.active_from <= now and (self.active_until is None or self.active_until > now)

    @property
    def url(self):
        """The path of this alert's own page (``<alerts page URL><id>/``), or None without a live alerts page."""
        index_url = alert_page_urls().get(self.locale_id)
        return index_url + AlertIndexPage.get_resolver().reverse("alert_route", self.pk) if index_url else None

    @property
    def html_url(self):
        return absolute_url(self.url) if self.url else None

    @property
    def audience_slugs(self):
        return [audience.slug for audience in self.audiences.all()]

    def facet_year(self):
        return timezone.localtime(self.active_from).year

    @property
    def poster_url(self):
        return self.url + "poster.png" if self.url else None

    def poster_content(self):
        return poster_content(
            language=language_code_of(self.locale_id), url=self.url, title=self.title, summary=self.summary,
            label=self.get_severity_display(), badges=[audience.name for audience in self.audiences.all()],
        )

    def get_preview_template(self, request, mode_name):
        return "alerts/fraud_alert.html"

    def get_preview_context(self, request, mode_name):
        self.show_preview_mode(request)
        return {"alert": self, "page": AlertIndexPage.objects.filter(locale_id=self.locale_id).first()}


def alerts_tag(language_code):
    """The ``foundation.cache`` tag of a language's published alerts: what alert listings show."""
    return f"alerts:{language_code}"


class AlertIndexPage(RoutablePageMixin, IndexPage):
    """Lists active alerts, then past ones; each alert has its own page at ``<this url><id>/``."""

    subpage_types = []
    max_count_per_parent = 1

    def cache_dependencies(self):
        return [*super().cache_dependencies(), alerts_tag(self.language_code)]

    def also_invalidates(self):
        return ["alert-pages"]  # ``alert_page_urls``

    class Meta:
        verbose_name = _("alert index page")

    def alerts(self):
        return FraudAlert.objects.filter(locale_id=self.locale_id).prefetch_related("audiences")

    @path("")
    def index_route(self, request):
        filters = read_filters(request)
        return self.render(
            request,
            context_overrides={
                "active_alerts": list(self.alerts().active()),
                "past_alerts": paginate(self.alerts().past(), filters["page"]),
            },
        )

    @path("<int:alert_id>/")
    def alert_route(self, request, alert_id):
        alert = get_object_or_404(self.alerts().started(), pk=alert_id)
        return self.render(request, template="alerts/fraud_alert.html", context_overrides={"alert": alert})

    @path("<int:alert_id>/poster.png/")
    def alert_poster_route(self, request, alert_id):
        """The alert's poster at ``<id>/poster.png`` (see ``foundation.posters`` and ``portal.page_files``)."""
        alert = get_object_or_404(self.alerts().started(), pk=alert_id)
        return poster_response(request, alert.poster_content())


def alert_page_urls():
    """``{locale id: URL path}`` of each language's live, public alerts page, cached until one is published."""
    return cache.versioned("alert-pages", compute=lambda: {page.locale_id: page.url for page in public(AlertIndexPage.objects.live())},
                           tags=["alert-pages"])


# The models of the subscription and syndication modules belong to this app too.
from .subscriptions.models import Subscriber, SubscriberAudience  # noqa: E402, F401
from .syndication.models import Delivery, EmailReceipt, ManualPost, PartnerEndpoint, Syndication  # noqa: E402, F401
