"""The abstract page types every content app builds on, and the audiences content is tagged with."""

from .audiences import Audience
from .pages import AudienceTargetedPage, ContentPage, IndexPage, language_code_of, listed_page_types, listing_queryset

__all__ = [
    "Audience",
    "AudienceTargetedPage",
    "ContentPage",
    "IndexPage",
    "language_code_of",
    "listed_page_types",
    "listing_queryset",
]
