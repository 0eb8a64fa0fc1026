"""The site-wide pages at the top of the house; imported here so Django finds them."""

from .pages import AudiencePage, HomePage, StandardPage
from .reporting import ReportFormField, ReportFormPage

__all__ = ["AudiencePage", "HomePage", "ReportFormField", "ReportFormPage", "StandardPage"]
