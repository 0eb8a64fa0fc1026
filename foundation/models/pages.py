"""The abstract pages every public content type builds on, and the contract they describe themselves by.

A page type tells the rest of the site what it is, so search, listings, the API and the review
ask the page and never keep a table of types:

* ``listing_kind`` — a short key (``"article"``, ``"film"``...) under which the type is listed on
  audience pages (``?kind=``) and filtered in search (``?type=``); ``None`` for pages that are not
  listed there. ``listing_kind_label`` is the plural shown in facets ("Articles").
* ``listing_label`` — the small label above a card's title (the kind, for types with kinds).
* ``facet_year()`` — the year search files the page under (a campaign's start, an event's date).
* ``topic_slugs`` — the topic tags' slugs: ``?topic=`` means a slug everywhere.
* ``review_issues()`` — checks of the consumer-protection review that only this type needs
  (a film's captions); the review app runs them with its own.
* ``listed_kinds``, ``listing_lookup`` and ``cache_dependencies()`` — what a render of the page
  shows besides itself (the listing kinds it lists, narrowed to one audience or campaign where it
  filters by one; the pages it names), as ``foundation.cache`` tags: a cached copy of the page is
  rebuilt when one of them changes, and only then. ``listed_under()`` and
  ``invalidated_by_publishing()`` (below) are the other side: the filtered listings a page is in,
  and the tags a publish of it touches.

``listed_page_types()`` collects the listed types from Wagtail's page models.
See https://docs.wagtail.org/en/stable/topics/pages.html
"""

from functools import lru_cache

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Locale, Page, PageViewRestriction, get_page_models
from wagtail.search import index

from foundation import cache, privacy, slugs
from foundation.forms import SameLocaleChoicesPageForm
from foundation.panels import ContentChecksPanel
from foundation.previews import ViewPreviews


@lru_cache(maxsize=16)
def language_code_of(locale_id):
    """A locale's language code, remembered per process (locales are created once and never renamed)."""
    return Locale.objects.values_list("language_code", flat=True).get(pk=locale_id)


def listed_page_types(audience_targeted=False):
    """``{listing kind: page model}`` of every page type that declares a ``listing_kind``."""
    return {
        model.listing_kind: model
        for model in get_page_models()
        if getattr(model, "listing_kind", None) and (not audience_targeted or issubclass(model, AudienceTargetedPage))
    }


def listing_queryset(model, locale_id):
    """Live, public pages of ``model`` in the locale with what a card needs, in one or two queries.

    Cards never show a page's body, so its StreamFields (the bulk of each row) are not read."""
    return (
        privacy.public(model.objects.live())
        .filter(locale_id=locale_id)
        .defer_streamfields()
        .select_related("listing_image")
        .prefetch_related("listing_image__renditions")
    )


def listing_tags(page):
    """The ``foundation.cache`` tags of the listings that show ``page``.

    Its kind's in its language, which the indexes and the home page depend on, and one per filtered
    listing it is in (``listed_under()``): ``listing:article:2:audience=elderly`` for the elderly's
    audience page, ``listing:article:2:campaign=41`` for campaign 41's page. A plain ``Page`` (a
    delete may only have that) gets its kind's."""
    model = page.specific_class or Page
    kind = getattr(model, "listing_kind", None) or model._meta.label_lower
    under = page.listed_under() if hasattr(page, "listed_under") else {}
    return [
        cache.listing_tag(kind, page.locale_id),
        *(cache.listing_tag(kind, page.locale_id, lookup, value) for lookup, values in under.items() for value in values),
    ]


LIVE_LISTINGS = "_listings_while_live"  # set on a page by ``remember_live_listings``


def remember_live_listings(page):
    """Note on ``page``, before a save or a delete changes it, the listing tags of its live copy in
    the database (None when it is not live), so that the change renews the listings the page leaves
    as well as those it joins: an audience removed from an article still renews that audience's page.

    One or two queries, only when a whole page is saved or deleted (a publish, an unpublish)."""
    model = page.specific_class
    live = model.objects.filter(pk=page.pk, live=True).first() if model and page.pk else None
    setattr(page, LIVE_LISTINGS, listing_tags(live) if live else None)


def was_live(page):
    """Whether ``remember_live_listings`` found ``page`` live before the change."""
    return getattr(page, LIVE_LISTINGS, None) is not None


def invalidated_by_publishing(page):
    """The ``foundation.cache`` tags a publish, unpublish or delete of ``page`` makes stale.

    Works on a plain ``Page`` too: its own tag, its language links, the listings that show it now
    and those its live copy was in before the change (``remember_live_listings``), and its parent's
    children (the menu, a campaign's activities). Page types that show in more places say so with
    ``also_invalidates()``."""
    tags = [
        cache.page_tag(page.pk), cache.translations_tag(page.translation_key), *listing_tags(page),
        *(getattr(page, LIVE_LISTINGS, None) or ()), cache.children_tag(page.path[: -page.steplen]),
    ]
    also = getattr(page, "also_invalidates", None)
    return tags + list(also()) if also else tags


class ContentPage(ViewPreviews, Page):
    """Fields shared by all public pages: a summary and a listing image.

    The summary feeds listings, search results, feeds and share cards, so every
    page type has one; the listing image is the card picture (and a film's
    poster). Every page previews in both views (``foundation.previews``).
    Abstract: each concrete page gets its own table.
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

    listing_kind = None
    listing_kind_label = None
    # Listing kinds whose live pages this page's template lists (foundation.cache, ``cache_dependencies``).
    listed_kinds = ()
    # What those listings are filtered by: None lists every live page of the kinds in the language
    # (an index, the home page); a lookup of ``listed_under()`` ("audience") lists the pages whose
    # values for it include ``listing_value()`` (this audience's slug).
    listing_lookup = None
    # Foreign keys to the listing pages that list this page (an article's campaign): ``listed_under``.
    listed_on = ()
    # Foreign keys to other pages whose title the template shows (an article's campaign).
    shown_pages = ()

    search_fields = Page.search_fields + [index.SearchField("summary")]
    api_fields = [
        APIField("summary"),
        APIField("listing_image"),
        APIField("listing_image_thumbnail", serializer=ImageRenditionField("fill-640x360|format-webp", source="listing_image")),
    ]
    # Foreign keys the page's template shows, read with the page in one query (portal.routing).
    serve_related = ("listing_image",)
    # The pre-checks come first, so editors see what blocks approval before they scroll.
    content_panels = [ContentChecksPanel()] + Page.content_panels + [FieldPanel("summary"), FieldPanel("listing_image")]

    class Meta:
        abstract = True

    @property
    def language_code(self):
        return language_code_of(self.locale_id)

    def set_readable_slug(self):
        """A page never published whose slug is empty or the Chinese title gets the title in pinyin (``foundation.slugs``).

        Only once the parent is known (the siblings' slugs decide the suffix): Wagtail validates a draft
        with ``minimal_clean`` and anything else with ``full_clean``, so both call this first."""
        parent_is_known = bool(self.path or getattr(self, "_cached_parent_obj", None))
        if parent_is_known and not self.first_published_at and slugs.is_automatic(self.slug, self.title):
            base = slugs.readable_slug(self.title)
            if base:
                self.slug = slugs.unique_sibling_slug(self, base)

    def full_clean(self, *args, **kwargs):
        self.set_readable_slug()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        self.set_readable_slug()
        super().minimal_clean()

    def get_context(self, request, *args, **kwargs):
        self.show_preview_mode(request)
        return super().get_context(request, *args, **kwargs)

    def get_view_restrictions(self):
        """Wagtail checks this on every request, reading the ancestors and their restrictions (two
        queries). While no page on the site is restricted, which the cached list in
        ``foundation.privacy`` tells without a query, there is nothing to read."""
        if not privacy.restricted_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @property
    def listing_label(self):
        """The small label above a card's title; page types with a kind show the kind."""
        if hasattr(self, "get_kind_display"):
            return self.get_kind_display()
        return self._meta.verbose_name

    def facet_year(self):
        """The year search files this page under: when it was first published."""
        return timezone.localtime(self.first_published_at or timezone.now()).year

    @property
    def topic_slugs(self):
        return [tag.slug for tag in self.topics.all()] if hasattr(self, "topics") else []

    def review_issues(self):
        """Review findings only this page type can have (see ``review.checks``); none by default."""
        return ()

    @classmethod
    def lists_kinds(cls):
        """The listing kinds this page type lists (``listed_kinds``; a type may compute them)."""
        return cls.listed_kinds

    def listing_value(self):
        """The value of ``listing_lookup`` this page's listings are filtered by (None without one)."""
        return None

    def listed_under(self):
        """``{lookup: values}`` of the filtered listings that show this page (``listing_tags``):
        ``{"campaign": [41]}`` for an article in campaign 41 (``listed_on``)."""
        return {name: [pk] for name in self.listed_on if (pk := getattr(self, f"{name}_id"))}

    def cache_dependencies(self):
        """``foundation.cache`` tags of what a render shows: the page, its languages, what it lists.

        Breadcrumbs, the menu, the banner and the footer add their own while the page renders;
        a type that names another page (a campaign) adds that page's tag."""
        narrowed = (self.listing_lookup, self.listing_value()) if self.listing_lookup else ()
        return [
            cache.page_tag(self.pk), cache.translations_tag(self.translation_key),
            *(cache.listing_tag(kind, self.locale_id, *narrowed) for kind in self.lists_kinds()),
            *(cache.page_tag(pk) for pk in (getattr(self, f"{name}_id") for name in self.shown_pages) if pk),
        ]

    def also_invalidates(self):
        """Tags besides ``invalidated_by_publishing``'s that a publish of this page touches; none by default."""
        return ()


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
        "foundation.Audience", verbose_name=_("audiences"), blank=True, related_name="%(app_label)s_%(class)s_pages"
    )

    search_fields = ContentPage.search_fields + [
        index.RelatedFields("audiences", [index.FilterField("slug"), index.SearchField("name")]),
    ]
    api_fields = ContentPage.api_fields + [APIField("audience_slugs")]
    # The audiences as checkboxes, only this page's language's (``foundation.forms``).
    base_form_class = SameLocaleChoicesPageForm

    class Meta:
        abstract = True

    def audience_list(self):
        """Audiences in display order; uses the prefetch cache when the listing prefetched them."""
        return sorted(self.audiences.all(), key=lambda audience: audience.sort_order)

    @property
    def audience_slugs(self):
        return [audience.slug for audience in self.audience_list()]

    def listed_under(self):
        """Besides ``listed_on``: the audience pages of its audiences (by slug, as they list them)."""
        return {**super().listed_under(), "audience": self.audience_slugs}
