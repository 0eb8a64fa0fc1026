"""The home page, generic pages and one page per audience."""

from collections import defaultdict

from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from alerts.models import AlertIndexPage, FraudAlert, alerts_tag
from articles.models import ArticleIndexPage, ArticlePage
from campaigns.models import CampaignPage, EventIndexPage, EventPage, FilmIndexPage, FilmPage
from foundation import cache
from foundation.blocks import BodyBlock
from foundation.listing import paginate, read_filters
from foundation.models import ContentPage, listed_page_types, listing_queryset
from foundation.privacy import public

HOME_CHILD_TYPES = [
    "portal.StandardPage",
    "portal.AudiencePage",
    "alerts.AlertIndexPage",
    "portal.ReportFormPage",
    "portal.HelpPage",
    "campaigns.CampaignIndexPage",
    "campaigns.EventIndexPage",
    "campaigns.FilmIndexPage",
    "articles.ArticleIndexPage",
]


class HomePage(ContentPage):
    """The site root of each language: what is on now, and a way in for every audience.

    Everything below the hero is gathered from live pages in the same locale,
    so editors only publish content and the home page keeps itself current.
    """

    hero_text = models.TextField(_("hero text"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = ContentPage.content_panels + [FieldPanel("hero_text"), FieldPanel("body")]
    search_fields = ContentPage.search_fields + [index.SearchField("hero_text"), index.SearchField("body")]
    api_fields = ContentPage.api_fields + [APIField("hero_text"), APIField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = HOME_CHILD_TYPES
    listed_kinds = ("campaign", "film", "article", "event")

    def cache_dependencies(self):
        """Besides the listings: the active alerts, and the audience pages (its children)."""
        return [*super().cache_dependencies(), alerts_tag(self.language_code), cache.children_tag(self.path)]

    class Meta:
        verbose_name = _("home page")

    def hero_campaigns(self):
        """``(campaigns on now, the next one to start)`` in this language, for the hero."""
        today = timezone.localdate()
        current = public(CampaignPage.objects.live()).filter(locale_id=self.locale_id, end_date__gte=today)
        current = list(current.order_by("start_date")[:6])
        upcoming = (campaign for campaign in current if campaign.start_date > today)
        return [campaign for campaign in current if campaign.start_date <= today], next(upcoming, None)

    def section_links(self):
        """``{section: url}`` of the listing pages below this home page, for each section's "more" link."""
        sections = {AlertIndexPage: "alerts", FilmIndexPage: "films", ArticleIndexPage: "articles", EventIndexPage: "events"}
        indexes = self.get_children().live().type(*sections)  # one query: the base pages know their class
        return {sections[index.specific_class]: index.url for index in indexes if index.specific_class in sections}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: each list is built (queryset and query) only when the template's cached fragment is
        # rebuilt; a request that reuses the fragment does not even construct the querysets.
        context.update(
            (name, SimpleLazyObject(lambda build=build: list(build()))) for name, build in self.listings().items()
        )
        return context

    def listings(self):
        """``{context name: callable returning a queryset}`` of what the home page gathers from other pages."""
        return {
            "active_alerts": lambda: FraudAlert.objects.active().filter(locale_id=self.locale_id)[:3],
            "audience_pages": lambda: public(AudiencePage.objects.live().child_of(self)).select_related("audience"),
            "films": lambda: listing_queryset(FilmPage, self.locale_id).order_by("-first_published_at")[:3],
            "articles": lambda: listing_queryset(ArticlePage, self.locale_id)
            .prefetch_related("audiences")
            .order_by("-first_published_at")[:4],
            "events": lambda: public(EventPage.objects.live().upcoming()).filter(locale_id=self.locale_id)[:3],
        }


class StandardPage(ContentPage):
    """A generic page: about us, privacy notice, how we handle complaints."""

    body = StreamField(BodyBlock(), verbose_name=_("body"))

    content_panels = ContentPage.content_panels + [FieldPanel("body")]
    search_fields = ContentPage.search_fields + [index.SearchField("body")]
    api_fields = ContentPage.api_fields + [APIField("body")]
    subpage_types = ["portal.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class AudiencePage(ContentPage):
    """One page per audience, listing everything tagged for it, newest first.

    Every audience-targeted page type with a ``listing_kind`` (articles, films, events and
    campaigns) is merged into one list. Filters: ``?kind=<listing kind>`` and ``?topic=<slug>``.
    """

    MAX_ITEMS = 240

    audience = models.ForeignKey(
        "foundation.Audience", verbose_name=_("audience"), on_delete=models.PROTECT, related_name="+"
    )
    serve_related = ContentPage.serve_related + ("audience",)
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

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

    listing_lookup = "audience"  # what ``AudienceTargetedPage.listed_under`` files pages under

    @classmethod
    def lists_kinds(cls):
        """Every audience-targeted listing kind: a new one is listed here without editing this page."""
        return tuple(listed_page_types(audience_targeted=True))

    def listing_value(self):
        return self.audience.slug

    def tagged_items(self, kind=None, topic=None):
        """``[(first published, model, pk)]`` of the pages of every listed kind tagged with this
        audience (by slug, so any locale's copy matches), newest first.

        Only these keys are read for the whole list; ``cards`` loads the few pages shown."""
        keys = []
        for key, model in listed_page_types(audience_targeted=True).items():
            if kind and kind != key:
                continue
            queryset = public(model.objects.live()).filter(locale_id=self.locale_id, audiences__slug=self.audience.slug)
            if topic:
                if not hasattr(model, "topics"):
                    continue
                queryset = queryset.filter(topics__slug=topic)
            rows = queryset.distinct().order_by("-first_published_at").values_list("first_published_at", "pk")
            keys.extend((published, model, pk) for published, pk in rows[: self.MAX_ITEMS])
        keys.sort(key=lambda key: key[0] or timezone.now(), reverse=True)
        return keys

    def cards(self, keys):
        """The pages of ``keys``, in that order, with what a card needs (two queries per kind)."""
        pks_by_model = defaultdict(list)
        for _published, model, pk in keys:
            pks_by_model[model].append(pk)
        pages = {}
        for model, pks in pks_by_model.items():
            pages.update((page.pk, page) for page in listing_queryset(model, self.locale_id).filter(pk__in=pks))
        return [pages[pk] for _published, _model, pk in keys if pk in pages]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        kinds = listed_page_types(audience_targeted=True)
        filters = read_filters(request, kinds=kinds)
        context["filters"] = filters
        context["kinds"] = [(kind, model.listing_kind_label) for kind, model in kinds.items()]
        # Only the keys are kept: a page's worth of cards is read (and unpickled) only when the cards'
        # cached fragment is rebuilt, never on the requests that reuse it.
        total, keys = cache.versioned(
            "audience-keys", self.pk, filters["kind"], filters["topic"], filters["page"] or 1,
            compute=lambda: self.item_keys(filters), tags=self.cache_dependencies(),
        )
        items = paginate(range(total), filters["page"])
        items.object_list = SimpleLazyObject(lambda: self.cards(keys))
        context["items"] = items
        return context

    def item_keys(self, filters):
        """``(how many items there are, the keys of the requested page)``: the merged list costs a query per kind."""
        keys = self.tagged_items(filters["kind"], filters["topic"])
        return len(keys), list(paginate(keys, filters["page"]).object_list)
