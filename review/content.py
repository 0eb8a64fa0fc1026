"""What the review checks read: the text, links and blocks of one page or alert.

``ReviewContent.of(obj)`` walks the object once and every check reads the
result, so all checks see the same text:

* text: the title, SEO title and search description of pages, and every
  free-text field the content type adds (``CharField``/``TextField``/rich
  text, not choices or slugs), plus the searchable text of every StreamField
  block (``Block.get_searchable_content``, the same text the search index gets);
* links: URL fields, ``href`` targets in rich text, and URL blocks;
* inline images: the images embedded in rich text, with the alt text each embed carries;
* blocks: every block in every StreamField, nested ones included, so checks
  can look for a risk disclosure or an image without alt text anywhere;
* the other places text hides: image alt text, topic tags, and a form page's
  field labels, help texts and choices.

Text whose place says how to read it is marked: a red-flags block or the fields
a model lists in ``scam_description_fields`` describe a scam on purpose, a quote
block quotes. ``sentences`` then gives the normalised sentences with their
context (``review.sentences``), so the claim check can tell a quoted scam line
("they promised 稳赚不赔") from a promise.
"""

import re
from dataclasses import dataclass, field
from html import unescape

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing

from foundation.blocks import QuoteBlock, RedFlagsBlock

from .sentences import CASE_STUDY, QUOTED, WARNING, is_warning_passage, sentences
from .text import normalise

PAGE_TEXT_FIELDS = {"title", "seo_title", "search_description"}
# Wagtail stores rich text with double-quoted attributes, so a regular expression is enough here.
HREF = re.compile(r"<a\b[^>]*?\bhref=\"([^\"]*)\"", re.IGNORECASE)
IMAGE_EMBED = re.compile(r"<embed\b[^>]*\bembedtype=\"image\"[^>]*>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"\b(alt|id)=\"([^\"]*)\"")


@dataclass(frozen=True)
class InlineImage:
    image_id: str
    alt: str


@dataclass(frozen=True)
class Segment:
    text: str
    context: str | None = None  # what the text's place says: CASE_STUDY, QUOTED, or nothing


@dataclass
class ReviewContent:
    obj: object
    language: str
    segments: list = field(default_factory=list)
    links: list = field(default_factory=list)
    inline_images: list = field(default_factory=list)
    blocks: list = field(default_factory=list)  # (block, value) pairs

    @classmethod
    def of(cls, obj):
        content = cls(obj=obj, language=obj.locale.language_code)
        scam_fields = set(getattr(obj, "scam_description_fields", ()))
        for model_field in obj._meta.concrete_fields:
            value = model_field.value_from_object(obj)
            if not value:
                continue
            if isinstance(model_field, StreamField):
                content.add_stream(value)
            elif isinstance(model_field, models.URLField):
                content.links.append(value)
            elif is_content_text(model_field):
                if isinstance(model_field, RichTextField):
                    content.add_rich_text(value)
                    value = get_text_for_indexing(value)
                content.segments.append(Segment(value, CASE_STUDY if model_field.name in scam_fields else None))
        content.add_related_text(obj)
        return content

    def add_related_text(self, obj):
        """Topic tags, and a form page's questions: text an editor writes outside the model's own fields."""
        if hasattr(obj, "topics"):
            self.segments += [Segment(tag.name, QUOTED) for tag in obj.topics.all()]  # a subject, not a claim
        form_fields = obj.form_fields.all() if hasattr(obj, "form_fields") else ()
        for form_field in form_fields:
            self.segments += [Segment(text) for text in (form_field.label, form_field.help_text, form_field.choices) if text]

    @cached_property
    def sentences(self):
        """Every normalised sentence of the content, with its context, in reading order.

        On a page whose title is a warning, the title sets the context of everything else."""
        title = normalise(getattr(self.obj, "title", "") or "")
        page_context = WARNING if is_warning_passage(title) else None
        return [
            sentence for segment in self.segments
            for sentence in sentences(normalise(segment.text), segment.context or page_context)
        ]

    def add_stream(self, stream_value):
        for block, value, context in walk(stream_value.stream_block, stream_value):
            self.blocks.append((block, value))
            if value is None or is_container(block):
                continue
            if isinstance(block, ImageBlock):
                self.segments.append(Segment(value.contextual_alt_text or ""))
                continue
            self.segments += [Segment(text, context) for text in block.get_searchable_content(value) if text]
            if isinstance(block, blocks.RichTextBlock):
                self.add_rich_text(value.source)
            elif isinstance(block, blocks.URLBlock):
                self.links.append(value)

    def add_rich_text(self, html):
        """The links and embedded images of a rich-text value (its text is read with the rest)."""
        self.links += hrefs(html)
        for embed in IMAGE_EMBED.findall(html or ""):
            attributes = dict(ATTRIBUTE.findall(embed))
            self.inline_images.append(InlineImage(attributes.get("id", "?"), unescape(attributes.get("alt", ""))))

    @property
    def audiences(self):
        """The chosen audiences, or None when the content type has no audiences."""
        try:
            self.obj._meta.get_field("audiences")
        except FieldDoesNotExist:
            return None
        return list(self.obj.audiences.all())


def is_content_text(model_field):
    """Free text an editor writes (not choices, slugs or Wagtail's own page bookkeeping)."""
    if not isinstance(model_field, (models.CharField, models.TextField)) or model_field.choices:
        return False
    if isinstance(model_field, models.SlugField):
        return False
    return model_field.model is not Page or model_field.name in PAGE_TEXT_FIELDS


def is_container(block):
    # An ImageBlock is a StructBlock in the form, but its value is an Image, so it is a leaf here.
    return isinstance(block, (blocks.StructBlock, blocks.ListBlock, blocks.StreamBlock)) and not isinstance(
        block, ImageBlock
    )


def walk(block, value, context=None):
    """Yield (block, value, context) for ``block`` and every block nested in it."""
    if isinstance(block, RedFlagsBlock):
        context = CASE_STUDY
    elif isinstance(block, QuoteBlock) and context is None:
        context = QUOTED
    yield block, value, context
    if value is None or not is_container(block):
        return
    if isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from walk(child, value.get(name), context)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from walk(block.child_block, item, context)
    else:
        for child in value:
            yield from walk(child.block, child.value, context)


def hrefs(html):
    return [unescape(url) for url in HREF.findall(html or "")]


def has_text(html):
    """Whether rich text (or plain text) has anything to read once its tags are gone."""
    return bool(strip_tags(html or "").strip())
