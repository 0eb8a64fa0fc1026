"""The abstract page every public content type builds on."""

from functools import lru_cache

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.search import index

from portal import privacy
from portal.review.panels import ReviewChecksPanel


@lru_cache(maxsize=16)
def language_code_of(locale_id):
    """A locale's language code, remembered per process (locales are created once and never renamed)."""
    return Locale.objects.values_list("language_code", flat=True).get(pk=locale_id)


class ContentPage(Page):
    """Fields shared by all public pages: a summary and a listing image.

    The summary feeds listings, search results, feeds and share cards, so every
    page type has one; the listing image is the card picture (and a film's
    poster). Abstract: each concrete page gets its own table.
    See https://docs.wagtail.org/en/stable/topics/pages.html
    """

    summary = models.TextField(
        _("summary"), max_length=300, blank=True, help_text=_("One or two sentences for listings and sharing.")
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    search_fields = Page.search_fields + [index.SearchField("summary")]
    api_fields = [
        APIField("summary"),
        APIField("listing_image"),
        APIField("listing_image_thumbnail", serializer=ImageRenditionField("fill-640x360|format-webp", source="listing_image")),
    ]
    # Foreign keys the page's template shows, read with the page in one query (portal.routing).
    serve_related = ("listing_image",)
    # The review checks come first, so editors see what blocks approval before they scroll.
    content_panels = [ReviewChecksPanel()] + Page.content_panels + [FieldPanel("summary"), FieldPanel("listing_image")]

    class Meta:
        abstract = True

    @property
    def language_code(self):
        return language_code_of(self.locale_id)

    def get_view_restrictions(self):
        """Wagtail checks this on every request, reading the ancestors and their restrictions (two
        queries). While no page on the site is restricted, which the cached list in
        ``portal.privacy`` tells without a query, there is nothing to read."""
        if not privacy.restricted_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @property
    def listing_label(self):
        """The small label above a card's title; page types with a kind show the kind."""
        if hasattr(self, "get_kind_display"):
            return self.get_kind_display()
        return self._meta.verbose_name


class IndexPage(ContentPage):
    """A section landing page directly under the home page: an introduction above a listing."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = ContentPage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]

    class Meta:
        abstract = True


class AudienceTargetedPage(ContentPage):
    """A content page tagged with the publicity groups it is written for."""

    audiences = ParentalManyToManyField(
        "portal.Audience", verbose_name=_("audiences"), blank=True, related_name="%(app_label)s_%(class)s_pages"
    )

    search_fields = ContentPage.search_fields + [
        index.RelatedFields("audiences", [index.FilterField("slug"), index.SearchField("name")]),
    ]
    api_fields = ContentPage.api_fields + [APIField("audience_slugs")]

    class Meta:
        abstract = True

    def audience_list(self):
        """Audiences in display order; uses the prefetch cache when the listing prefetched them."""
        return sorted(self.audiences.all(), key=lambda audience: audience.sort_order)

    @property
    def audience_slugs(self):
        return [audience.slug for audience in self.audience_list()]
