"""Campaigns: the 3.15 week, the 7.8 day, the September education month and anti-fraud drives."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from foundation import cache
from foundation.blocks import BodyBlock, CampaignSectionBlock, MaterialBlock
from foundation.listing import paginate, read_filters
from foundation.models import AudienceTargetedPage, ContentPage, IndexPage, listing_queryset
from foundation.posters import PosterMixin
from foundation.privacy import public

from .events import EventPage


class CampaignIndexPage(IndexPage):
    """The campaign archive: every campaign, browsable by year and kind (``?year=&kind=``)."""

    subpage_types = ["campaigns.CampaignPage"]
    listed_kinds = ("campaign",)

    class Meta:
        verbose_name = _("campaign index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = read_filters(request, kinds=CampaignPage.Kind.values)
        campaigns = listing_queryset(CampaignPage, self.locale_id).child_of(self).order_by("-start_date")
        years = sorted({day.year for day in campaigns.dates("start_date", "year")}, reverse=True)
        if filters["year"]:
            campaigns = campaigns.filter(start_date__year=filters["year"])
        if filters["kind"]:
            campaigns = campaigns.filter(kind=filters["kind"])
        context.update(
            filters=filters, years=years, kinds=CampaignPage.Kind.choices, campaigns=paginate(campaigns, filters["page"])
        )
        return context


class CampaignPage(PosterMixin, AudienceTargetedPage):
    """One campaign: theme, dates, what is on, and sections for each audience.

    Dates are editable, never hard-coded (the September drive moves year to
    year); the status (upcoming, live, past) and the year are derived from them.
    Films and articles join a campaign by choosing it on their own page; the
    campaign page lists them, and its events are its child pages.
    """

    listing_kind = "campaign"
    listing_kind_label = _("Campaigns")

    class Kind(models.TextChoices):
        CONSUMER_RIGHTS_WEEK = "consumer-rights-week", _("3.15 consumer-rights education week")
        INSURANCE_DAY = "insurance-day", _("7.8 national insurance publicity day")
        EDUCATION_MONTH = "education-month", _("September financial-education month")
        ANTI_FRAUD_DRIVE = "anti-fraud-drive", _("Anti-fraud drive")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        UPCOMING = "upcoming", _("Upcoming")
        LIVE = "live", _("On now")
        PAST = "past", _("Past")

    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    theme = models.CharField(_("theme"), max_length=200)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    audience_sections = StreamField(CampaignSectionBlock(), verbose_name=_("audience sections"), blank=True)
    materials = StreamField(MaterialBlock(), verbose_name=_("materials"), blank=True)

    content_panels = ContentPage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("theme"), FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")])],
            heading=_("Campaign"),
        ),
        FieldPanel("audiences"),
        FieldPanel("body"),
        FieldPanel("audience_sections"),
        FieldPanel("materials"),
    ]
    search_fields = AudienceTargetedPage.search_fields + [
        index.SearchField("theme"),
        index.SearchField("body"),
        index.SearchField("audience_sections"),
        index.FilterField("kind"),
        index.FilterField("start_date"),
    ]
    api_fields = AudienceTargetedPage.api_fields + [
        APIField("kind"),
        APIField("theme"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("status"),
        APIField("body"),
    ]
    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = ["campaigns.EventPage"]
    # The films and articles that chose it (``listed_on``), and its activities, which are its children.
    listed_kinds = ("film", "article")
    listing_lookup = "campaign"

    class Meta:
        verbose_name = _("campaign page")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The campaign cannot end before it starts.")})

    @property
    def year(self):
        return self.start_date.year

    def facet_year(self):
        return self.year

    @property
    def status(self):
        today = timezone.localdate()
        if today < self.start_date:
            return self.Status.UPCOMING
        if today > self.end_date:
            return self.Status.PAST
        return self.Status.LIVE

    def listing_value(self):
        return self.pk

    def cache_dependencies(self):
        """Besides the films and articles that chose it: its activities (its children)."""
        return [*super().cache_dependencies(), cache.children_tag(self.path)]

    def get_status_display(self):
        return self.Status(self.status).label

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            events=public(EventPage.objects.live().child_of(self)).order_by("start"),
            # Plain lists of titles and summaries (no card images) keep this page within its query budget.
            # Films and articles choose their campaign (``related_name`` on their ``campaign`` keys).
            films=public(self.films.live()).order_by("-first_published_at"),
            articles=public(self.articles.live()).order_by("-first_published_at"),
        )
        return context
