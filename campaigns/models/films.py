"""Micro-films: anti-fraud shorts and education versions of feature films."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from foundation.blocks import BodyBlock
from foundation.listing import filter_by_audience_and_topic, paginate, read_filters
from foundation.models import AudienceTargetedPage, ContentPage, IndexPage, listing_queryset
from foundation.posters import PosterMixin
from foundation.video import UnsupportedVideoURL, parse_video_url
from review.content import has_text
from review.issues import ERROR, Issue


class FilmTopic(TaggedItemBase):
    """Links a film to a topic tag (shared with articles, so one topic lists both)."""

    content_object = ParentalKey("campaigns.FilmPage", related_name="tagged_topics", on_delete=models.CASCADE)


class FilmPage(PosterMixin, AudienceTargetedPage):
    """A micro-film with its own shareable page.

    The film is either on an allow-listed platform (``video_url``; the embed
    URL is derived locally by ``foundation.video``) or self-hosted as a
    document (``video_file``, with a WebVTT ``captions`` file). The page shows
    the poster (the listing image) behind a play button and loads the player
    only on click. Every film has a transcript, because platform players
    cannot carry our captions.
    """

    listing_kind = "film"
    listing_kind_label = _("Films")

    video_url = models.URLField(
        _("video address"),
        max_length=500,
        blank=True,
        help_text=_("A Bilibili, Tencent Video, Youku, YouTube or Vimeo video page."),
    )
    video_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("self-hosted video file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("An MP4 or WebM file, instead of a video address."),
    )
    captions = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("captions (WebVTT)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    duration = models.PositiveIntegerField(_("duration in seconds"), null=True, blank=True)
    transcript = RichTextField(_("transcript"), blank=True)
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="films",
    )
    serve_related = AudienceTargetedPage.serve_related + ("campaign",)
    shown_pages = ("campaign",)
    listed_on = ("campaign",)  # the campaign's page lists it
    topics = ClusterTaggableManager(verbose_name=_("topics"), through=FilmTopic, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)

    content_panels = ContentPage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("video_url"),
                FieldPanel("video_file"),
                FieldPanel("captions"),
                FieldPanel("duration"),
            ],
            heading=_("Video"),
        ),
        FieldPanel("transcript"),
        FieldPanel("audiences"),
        FieldPanel("topics"),
        FieldPanel("campaign"),
        FieldPanel("body"),
    ]
    search_fields = AudienceTargetedPage.search_fields + [
        index.SearchField("transcript"),
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name"), index.FilterField("slug")]),
    ]
    api_fields = AudienceTargetedPage.api_fields + [
        APIField("provider"),
        APIField("duration"),
        APIField("video_url"),
        APIField("transcript"),
        APIField("topic_names"),
    ]
    parent_page_types = ["campaigns.FilmIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("film page")

    def clean(self):
        super().clean()
        if bool(self.video_url) == bool(self.video_file_id):
            raise ValidationError(
                {"video_url": _("Give either a video address or a self-hosted video file, not both or neither.")}
            )
        if self.video_url:
            try:
                parse_video_url(self.video_url)
            except UnsupportedVideoURL as error:
                raise ValidationError({"video_url": str(error)}) from error
        if self.captions and not self.captions.file.name.lower().endswith(".vtt"):
            raise ValidationError({"captions": _("Captions must be a WebVTT (.vtt) file.")})

    @cached_property
    def video_source(self):
        """The provider, id and embed URL for ``video_url``, or None for a self-hosted film."""
        if not self.video_url:
            return None
        try:
            return parse_video_url(self.video_url)
        except UnsupportedVideoURL:
            return None

    @property
    def provider(self):
        return self.video_source.provider if self.video_source else "self-hosted"

    listing_label = _("Film")

    @property
    def topic_names(self):
        return [tag.name for tag in self.topics.all()]

    def review_issues(self):
        """A film needs a transcript, and captions too when it plays on this site."""
        if self.video_file_id and not self.captions_id:
            yield Issue(ERROR, gettext("This film plays on this site but has no captions file (WebVTT)."))
        if not has_text(self.transcript):
            yield Issue(ERROR, gettext("This film has no transcript."))

    @property
    def duration_display(self):
        if not self.duration:
            return ""
        minutes, seconds = divmod(self.duration, 60)
        return f"{minutes}:{seconds:02d}"


class FilmIndexPage(IndexPage):
    """All micro-films in this language (``?audience=``, ``?topic=``)."""

    subpage_types = ["campaigns.FilmPage"]
    listed_kinds = ("film",)

    class Meta:
        verbose_name = _("film index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = read_filters(request)
        films = listing_queryset(FilmPage, self.locale_id).child_of(self).order_by("-first_published_at")
        films = filter_by_audience_and_topic(films, filters)
        context.update(filters=filters, films=paginate(films, filters["page"]))
        return context
