"""The site-wide pages at the top of the house; imported here so Django finds them."""

from .calendar_feed import CalendarFeedKey
from .help import HelpPage
from .pages import AudiencePage, HomePage, StandardPage
from .reporting import ReportFormField, ReportFormPage

__all__ = ["AudiencePage", "CalendarFeedKey", "HelpPage", "HomePage", "ReportFormField", "ReportFormPage", "StandardPage"]
