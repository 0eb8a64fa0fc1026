"""Offline activities: community talks, store visits, park tours, online live sessions."""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from campaigns.calendar import build_calendar, calendar_response
from foundation.blocks import BodyBlock
from foundation.listing import paginate, read_filters
from foundation.models import AudienceTargetedPage, ContentPage, IndexPage
from foundation.privacy import public


class EventQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        """Events not yet over, soonest first."""
        return self.filter(end__gte=now or timezone.now()).order_by("start")


EventManager = PageManager.from_queryset(EventQuerySet)


class EventPage(RoutablePageMixin, AudienceTargetedPage):
    """One offline activity with its time, place and how to join.

    Lives under the campaign it belongs to, or under the events index when it
    stands alone. Times are stored in UTC and shown in Asia/Shanghai. ``<page url>event.ics``
    offers the activity as a calendar file (``campaigns.calendar``).
    """

    listing_kind = "event"
    listing_kind_label = _("Activities")

    class Kind(models.TextChoices):
        TALK = "talk", _("Community talk")
        STORE_VISIT = "store-visit", _("Store visit")
        PARK_TOUR = "park-tour", _("Park tour")
        ONLINE_LIVE = "online-live", _("Online live session")
        OTHER = "other", _("Other")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TALK)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    objects = EventManager()

    content_panels = ContentPage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("registration_url"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("audiences"),
        FieldPanel("body"),
    ]
    search_fields = AudienceTargetedPage.search_fields + [
        index.SearchField("venue"),
        index.SearchField("address"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("start"),
    ]
    api_fields = AudienceTargetedPage.api_fields + [
        APIField("kind"),
        APIField("start"),
        APIField("end"),
        APIField("venue"),
        APIField("address"),
        APIField("registration_url"),
    ]
    parent_page_types = ["campaigns.CampaignPage", "campaigns.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event page")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The activity cannot end before it starts.")})

    def facet_year(self):
        return timezone.localtime(self.start).year

    @path("event.ics/", name="ics")
    def ics_route(self, request):
        return calendar_response(build_calendar([self], self.title), "event.ics")

    @property
    def ics_url(self):
        return self.url + "event.ics"

    @cached_property
    def campaign(self):
        """The campaign this activity belongs to, or None for a stand-alone activity."""
        parent = self.get_parent().specific
        return parent if isinstance(parent, apps.get_model("campaigns", "CampaignPage")) else None


class EventIndexPage(IndexPage):
    """All upcoming activities in this language, from every campaign (``?audience=``, ``?kind=``)."""

    subpage_types = ["campaigns.EventPage"]
    listed_kinds = ("event",)

    class Meta:
        verbose_name = _("event index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = read_filters(request, kinds=EventPage.Kind.values)
        events = (
            public(EventPage.objects.live().upcoming())
            .filter(locale_id=self.locale_id)
            .select_related("listing_image")
            .prefetch_related("listing_image__renditions", "audiences")
        )
        if filters["audience"]:
            events = events.filter(audiences__slug=filters["audience"]).distinct()
        if filters["kind"]:
            events = events.filter(kind=filters["kind"])
        context.update(filters=filters, kinds=EventPage.Kind.choices, events=paginate(events, filters["page"]))
        return context
