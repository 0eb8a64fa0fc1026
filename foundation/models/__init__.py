"""The abstract page types every content app builds on, the audiences content is tagged with, and the limits' store."""

from .audiences import Audience
from .limits import LimitEntry
from .pages import AudienceTargetedPage, ContentPage, IndexPage, language_code_of, listed_page_types, listing_queryset

__all__ = [
    "Audience",
    "AudienceTargetedPage",
    "ContentPage",
    "IndexPage",
    "LimitEntry",
    "language_code_of",
    "listed_page_types",
    "listing_queryset",
]
