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
  can look for a risk disclosure or an image without alt text anywhere.

Text that describes a scam on purpose — a red-flags block, or the fields a
model lists in ``scam_description_fields`` — is marked, so the claim check can
tell a quoted scam line ("they promised 稳赚不赔") from a promise.
"""

import re
from dataclasses import dataclass, field
from html import unescape

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing

from foundation.blocks import RedFlagsBlock

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
    describes_scam: bool = False


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
                content.segments.append(Segment(value, model_field.name in scam_fields))
        return content

    def add_stream(self, stream_value):
        for block, value, describes_scam in walk(stream_value.stream_block, stream_value):
            self.blocks.append((block, value))
            if value is None or is_container(block):
                continue
            self.segments += [Segment(text, describes_scam) for text in block.get_searchable_content(value) if text]
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


def walk(block, value, describes_scam=False):
    """Yield (block, value, describes_scam) for ``block`` and every block nested in it."""
    describes_scam = describes_scam or isinstance(block, RedFlagsBlock)
    yield block, value, describes_scam
    if value is None or not is_container(block):
        return
    if isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from walk(child, value.get(name), describes_scam)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from walk(block.child_block, item, describes_scam)
    else:
        for child in value:
            yield from walk(child.block, child.value, describes_scam)


def hrefs(html):
    return [unescape(url) for url in HREF.findall(html or "")]


def has_text(html):
    """Whether rich text (or plain text) has anything to read once its tags are gone."""
    return bool(strip_tags(html or "").strip())
