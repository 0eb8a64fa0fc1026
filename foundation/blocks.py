"""The one StreamField block library every page type draws from.

Blocks are defined once here and combined into ``BodyBlock``; page models
use ``StreamField(BodyBlock())`` instead of declaring their own variants, so an
editor meets the same blocks (and the review checks see the same structure)
everywhere. Each block renders with a template under ``templates/blocks/``.
Rich text everywhere follows one feature policy, ``WAGTAILADMIN_RICH_TEXT_EDITORS``
in the settings, so no block or field declares its own.

See https://docs.wagtail.org/en/stable/topics/streamfield.html
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .video import UnsupportedVideoURL, parse_video_url


class HeadingBlock(blocks.StructBlock):
    """A section heading; pages own the single ``h1``, so levels start at 2."""

    text = blocks.CharBlock(label=_("Text"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"), choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))], default="h2"
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"


class LabelledImageBlock(ImageBlock):
    """Wagtail's image block, whose image chooser is labelled through the catalogue.

    ``ImageBlock`` names its chooser from the child's name ("Image"), which gettext never sees.
    It deconstructs as a plain ``ImageBlock``, so migrations are unchanged.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.child_blocks["image"].label = _("Image")


class CaptionedImageBlock(blocks.StructBlock):
    """An image with its alt text (or marked decorative) and an optional caption."""

    image = LabelledImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image.html"


class VideoURLBlock(blocks.URLBlock):
    """A video URL from an allow-listed provider; anything else is a validation error."""

    def clean(self, value):
        value = super().clean(value)
        try:
            parse_video_url(value)
        except UnsupportedVideoURL as error:
            raise ValidationError(str(error)) from error
        return value


class VideoEmbedValue(blocks.StructValue):
    def source(self):
        """The parsed provider URL (validated on save, so it parses)."""
        return parse_video_url(self["url"])


class VideoEmbedBlock(blocks.StructBlock):
    """A provider video shown behind a click-to-load facade (no third-party request before a click)."""

    url = VideoURLBlock(label=_("Video URL"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    transcript = blocks.RichTextBlock(label=_("Transcript"))

    class Meta:
        icon = "media"
        template = "blocks/video_embed.html"
        value_class = VideoEmbedValue


class FilmBlock(blocks.StructBlock):
    """A reference to a micro-film page, shown as a card with its poster."""

    film = blocks.PageChooserBlock(label=_("Film"), page_type="campaigns.FilmPage")

    class Meta:
        icon = "media"
        template = "blocks/film.html"


class CalloutBlock(blocks.StructBlock):
    """A highlighted note; "warning" is for anti-fraud reminders."""

    tone = blocks.ChoiceBlock(
        label=_("Tone"), choices=[("info", _("Information")), ("warning", _("Warning"))], default="info"
    )
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"))

    class Meta:
        icon = "warning"
        template = "blocks/callout.html"


class RiskDisclosureBlock(blocks.StructBlock):
    """The risk disclosure that product-related content must carry (checked by the review)."""

    text = blocks.RichTextBlock(label=_("Disclosure"))

    class Meta:
        icon = "warning"
        template = "blocks/risk_disclosure.html"


class RedFlagsBlock(blocks.StructBlock):
    """A checklist of warning signs of a scam."""

    title = blocks.CharBlock(label=_("Title"), max_length=120, default=_("Red flags"))
    items = blocks.ListBlock(blocks.CharBlock(label=_("Warning sign"), max_length=250), label=_("Warning signs"))

    class Meta:
        icon = "list-ul"
        template = "blocks/red_flags.html"


class StepsBlock(blocks.StructBlock):
    """Numbered steps, e.g. what to do after a suspicious call."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    steps = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("title", blocks.CharBlock(label=_("Step"), max_length=120)),
                ("text", blocks.TextBlock(label=_("Details"), required=False)),
            ],
            label=_("Step"),
        ),
        label=_("Steps"),
    )

    class Meta:
        icon = "list-ol"
        template = "blocks/steps.html"


class FAQBlock(blocks.StructBlock):
    """Questions and answers, rendered as native ``<details>`` disclosures."""

    items = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("question", blocks.CharBlock(label=_("Question"), max_length=250)),
                ("answer", blocks.RichTextBlock(label=_("Answer"))),
            ],
            label=_("Question and answer"),
        ),
        label=_("Questions"),
    )

    class Meta:
        icon = "help"
        template = "blocks/faq.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"


class DocumentBlock(blocks.StructBlock):
    """A downloadable material (leaflet, poster, slides)."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False, max_length=120)

    class Meta:
        icon = "doc-full"
        template = "blocks/document.html"


class OfficialContactBlock(blocks.StructBlock):
    """A card for one official channel, chosen from the allow-list of contacts."""

    contact = SnippetChooserBlock("review.OfficialContact", label=_("Official contact"))

    class Meta:
        icon = "mail"
        template = "blocks/official_contact.html"


class EventListBlock(blocks.StructBlock):
    """The next upcoming offline activities in the page's language."""

    title = blocks.CharBlock(label=_("Title"), max_length=120, default=_("Upcoming activities"))
    count = blocks.IntegerBlock(label=_("How many"), min_value=1, max_value=12, default=3)

    class Meta:
        icon = "date"
        template = "blocks/event_list.html"


class RelatedPagesBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, default=_("Related"))
    pages = blocks.ListBlock(blocks.PageChooserBlock(label=_("Page")), label=_("Pages"))

    class Meta:
        icon = "link"
        template = "blocks/related_pages.html"


class AudienceSectionBlock(blocks.StructBlock):
    """A campaign section written for one audience, with links to pages for it."""

    audience = SnippetChooserBlock("foundation.Audience", label=_("Audience"))
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"))
    pages = blocks.ListBlock(blocks.PageChooserBlock(label=_("Page")), label=_("Pages"), required=False)

    class Meta:
        icon = "group"
        template = "blocks/audience_section.html"


class BodyBlock(blocks.StreamBlock):
    """The blocks of a page body, in the order the editor's block menu offers them."""

    heading = HeadingBlock(label=_("Heading"))
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), template="blocks/paragraph.html")
    image = CaptionedImageBlock(label=_("Image"))
    film = FilmBlock(label=_("Film"))
    video = VideoEmbedBlock(label=_("Video"))
    callout = CalloutBlock(label=_("Callout"))
    risk_disclosure = RiskDisclosureBlock(label=_("Risk disclosure"))
    red_flags = RedFlagsBlock(label=_("Red flags"))
    steps = StepsBlock(label=_("Steps"))
    faq = FAQBlock(label=_("FAQ"))
    quote = QuoteBlock(label=_("Quote"))
    table = TableBlock(label=_("Table"), template="blocks/table.html")
    document = DocumentBlock(label=_("Document"))
    official_contact = OfficialContactBlock(label=_("Official contact"))
    event_list = EventListBlock(label=_("Event list"))
    related_pages = RelatedPagesBlock(label=_("Related pages"))


class CampaignSectionBlock(blocks.StreamBlock):
    audience_section = AudienceSectionBlock(label=_("Audience section"))


class MaterialBlock(blocks.StreamBlock):
    document = DocumentBlock(label=_("Document"))
