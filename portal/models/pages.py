"""The home page, generic pages and one page per audience."""

from django.apps import apps
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from portal.blocks import BODY_BLOCKS
from portal.listing import paginate, read_filters
from portal.privacy import public

from .content import ContentPage

HOME_CHILD_TYPES = [
    "portal.StandardPage",
    "portal.AudiencePage",
    "portal.AlertIndexPage",
    "portal.ReportFormPage",
    "campaigns.CampaignIndexPage",
    "campaigns.EventIndexPage",
    "campaigns.FilmIndexPage",
    "articles.ArticleIndexPage",
]


def listing_queryset(model, locale_id):
    """Live, public pages of ``model`` in the locale with what a card needs, in one or two queries."""
    return (
        public(model.objects.live())
        .filter(locale_id=locale_id)
        .select_related("listing_image")
        .prefetch_related("listing_image__renditions")
    )


class HomePage(ContentPage):
    """The site root of each language: what is on now, and a way in for every audience.

    Everything below the hero is gathered from live pages in the same locale,
    so editors only publish content and the home page keeps itself current.
    """

    hero_text = models.TextField(_("hero text"), blank=True)
    body = StreamField(BODY_BLOCKS, verbose_name=_("body"), blank=True)

    content_panels = ContentPage.content_panels + [FieldPanel("hero_text"), FieldPanel("body")]
    search_fields = ContentPage.search_fields + [index.SearchField("hero_text"), index.SearchField("body")]
    api_fields = ContentPage.api_fields + [APIField("hero_text"), APIField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = HOME_CHILD_TYPES

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        # Imported here: those apps' models import this module's base classes.
        from articles.models import ArticlePage
        from campaigns.models import CampaignPage, EventPage, FilmPage

        from .alerts import FraudAlert

        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        current = list(
            public(CampaignPage.objects.live()).filter(locale_id=self.locale_id, end_date__gte=today).order_by("start_date")[:6]
        )
        context.update(
            live_campaigns=[campaign for campaign in current if campaign.start_date <= today],
            next_campaign=next((campaign for campaign in current if campaign.start_date > today), None),
            active_alerts=FraudAlert.objects.active().filter(locale_id=self.locale_id)[:3],
            audience_pages=public(AudiencePage.objects.live().child_of(self)).select_related("audience"),
            films=listing_queryset(FilmPage, self.locale_id).order_by("-first_published_at")[:3],
            articles=listing_queryset(ArticlePage, self.locale_id)
            .prefetch_related("audiences")
            .order_by("-first_published_at")[:4],
            events=public(EventPage.objects.live().upcoming()).filter(locale_id=self.locale_id)[:3],
        )
        return context


class StandardPage(ContentPage):
    """A generic page: about us, privacy notice, how we handle complaints."""

    body = StreamField(BODY_BLOCKS, verbose_name=_("body"))

    content_panels = ContentPage.content_panels + [FieldPanel("body")]
    search_fields = ContentPage.search_fields + [index.SearchField("body")]
    api_fields = ContentPage.api_fields + [APIField("body")]
    subpage_types = ["portal.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class AudiencePage(ContentPage):
    """One page per audience, listing everything tagged for it, newest first.

    Articles, films, events and campaigns are merged into one list. Filters:
    ``?kind=article|film|event|campaign`` and ``?topic=<slug>``.
    """

    LISTED_KINDS = {
        "article": ("articles", "ArticlePage"),
        "film": ("campaigns", "FilmPage"),
        "event": ("campaigns", "EventPage"),
        "campaign": ("campaigns", "CampaignPage"),
    }
    MAX_ITEMS = 240

    audience = models.ForeignKey(
        "portal.Audience", verbose_name=_("audience"), on_delete=models.PROTECT, related_name="+"
    )
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BODY_BLOCKS, verbose_name=_("body"), blank=True)

    content_panels = ContentPage.content_panels + [
        FieldPanel("audience"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = ContentPage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = ContentPage.api_fields + [APIField("intro"), APIField("audience_slug")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("audience page")

    @property
    def audience_slug(self):
        return self.audience.slug

    def tagged_items(self, kind=None, topic=None):
        """Pages of every listed kind tagged with this audience (by slug, so any locale's copy matches)."""
        items = []
        for key, (app_label, model_name) in self.LISTED_KINDS.items():
            if kind and kind != key:
                continue
            model = apps.get_model(app_label, model_name)
            queryset = listing_queryset(model, self.locale_id).filter(audiences__slug=self.audience.slug)
            if topic:
                if not hasattr(model, "topics"):
                    continue
                queryset = queryset.filter(topics__slug=topic)
            items.extend(queryset.distinct().order_by("-first_published_at")[: self.MAX_ITEMS])
        items.sort(key=lambda page: page.first_published_at or timezone.now(), reverse=True)
        return items

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = read_filters(request, kinds=self.LISTED_KINDS)
        context["filters"] = filters
        context["kinds"] = self.LISTED_KINDS
        context["items"] = paginate(self.tagged_items(filters["kind"], filters["topic"]), filters["page"])
        return context
