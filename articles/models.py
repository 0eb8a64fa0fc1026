"""Education articles, fraud case studies and guides (quizzes: ``articles.quizzes``)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.html import strip_tags
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
from foundation.privacy import public

from .quizzes import QuizPage  # importing the module also registers its QuizAnswerCount model

# Reading speeds used for the "x min read" label.
CHINESE_CHARACTERS_PER_MINUTE = 400
ENGLISH_WORDS_PER_MINUTE = 200


class ArticleTopic(TaggedItemBase):
    """Links an article to a topic tag, e.g. 电信诈骗 or "illegal fund-raising"."""

    content_object = ParentalKey("articles.ArticlePage", related_name="tagged_topics", on_delete=models.CASCADE)


class ArticlePage(PosterMixin, AudienceTargetedPage):
    """An education piece, a fraud case study or a practical guide.

    Case studies follow the "take cases as lessons" pattern: what happened,
    the red flags, how to protect yourself and where to report; those fields
    are required when the kind is "case study". ``last_reviewed`` tells readers
    how fresh the advice is. ``product_related`` marks pieces about an
    insurance or investment product, which the consumer-protection review
    only passes with a risk-disclosure block.
    """

    listing_kind = "article"
    listing_kind_label = _("Articles")

    class Kind(models.TextChoices):
        EDUCATION = "education", _("Education")
        CASE_STUDY = "case-study", _("Case study")
        GUIDE = "guide", _("Guide")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.EDUCATION)
    product_related = models.BooleanField(
        _("about an insurance or investment product"),
        default=False,
        help_text=_("Product content must carry a risk-disclosure block; the review checks it."),
    )
    topics = ClusterTaggableManager(verbose_name=_("topics"), through=ArticleTopic, blank=True)
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    serve_related = AudienceTargetedPage.serve_related + ("campaign",)
    shown_pages = ("campaign",)
    listed_on = ("campaign",)  # the campaign's page lists it
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    what_happened = RichTextField(_("what happened"), blank=True)
    red_flags = RichTextField(_("red flags"), blank=True)
    how_to_protect = RichTextField(_("how to protect yourself"), blank=True)
    where_to_report = RichTextField(_("where to report"), blank=True)
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)

    content_panels = ContentPage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("product_related"),
        FieldPanel("audiences"),
        FieldPanel("topics"),
        FieldPanel("campaign"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("what_happened"),
                FieldPanel("red_flags"),
                FieldPanel("how_to_protect"),
                FieldPanel("where_to_report"),
            ],
            heading=_("Case study"),
        ),
        FieldPanel("last_reviewed"),
    ]
    search_fields = AudienceTargetedPage.search_fields + [
        index.SearchField("body"),
        index.SearchField("what_happened"),
        index.SearchField("red_flags"),
        index.SearchField("how_to_protect"),
        index.RelatedFields("topics", [index.SearchField("name"), index.FilterField("slug")]),
        index.FilterField("kind"),
    ]
    api_fields = AudienceTargetedPage.api_fields + [
        APIField("kind"),
        APIField("topic_names"),
        APIField("body"),
        APIField("what_happened"),
        APIField("red_flags"),
        APIField("how_to_protect"),
        APIField("where_to_report"),
        APIField("last_reviewed"),
    ]
    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []
    # Case studies quote the scam on purpose; the review warns instead of blocking claims found here.
    scam_description_fields = ["what_happened", "red_flags"]

    class Meta:
        verbose_name = _("article page")

    def clean(self):
        super().clean()
        if self.kind == self.Kind.CASE_STUDY:
            missing = {
                name: _("A case study needs this section.")
                for name in ("what_happened", "red_flags", "how_to_protect")
                if not strip_tags(getattr(self, name) or "").strip()
            }
            if missing:
                raise ValidationError(missing)

    @property
    def topic_names(self):
        return [tag.name for tag in self.topics.all()]

    @cached_property
    def reading_minutes(self):
        """Whole minutes to read the page: Chinese by characters, English by words."""
        text = " ".join(
            self.body.stream_block.get_searchable_content(self.body)
            + [strip_tags(getattr(self, name)) for name in ("what_happened", "red_flags", "how_to_protect")]
        )
        if self.language_code.startswith("zh"):
            units = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
            per_minute = CHINESE_CHARACTERS_PER_MINUTE
        else:
            units = len(text.split())
            per_minute = ENGLISH_WORDS_PER_MINUTE
        return max(1, round(units / per_minute))


class ArticleIndexPage(IndexPage):
    """All articles in this language (``?audience=``, ``?topic=``, ``?kind=``), and its quizzes."""

    subpage_types = ["articles.ArticlePage", "articles.QuizPage"]
    listed_kinds = ("article", "articles.quizpage")  # quizzes have no listing kind: their model label

    class Meta:
        verbose_name = _("article index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = read_filters(request, kinds=ArticlePage.Kind.values)
        articles = (
            listing_queryset(ArticlePage, self.locale_id)
            .child_of(self)
            .prefetch_related("audiences")
            .order_by("-first_published_at")
        )
        articles = filter_by_audience_and_topic(articles, filters)
        if filters["kind"]:
            articles = articles.filter(kind=filters["kind"])
        context.update(filters=filters, kinds=ArticlePage.Kind.choices, articles=paginate(articles, filters["page"]))
        context["quizzes"] = public(QuizPage.objects.live().child_of(self)).order_by("-first_published_at")[:4]
        return context
