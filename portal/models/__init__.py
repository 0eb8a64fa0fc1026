"""Site-wide models, one module per concern; imported here so Django finds them."""

from .alerts import AlertIndexPage, FraudAlert
from .audiences import Audience
from .claims import ClaimRule
from .contacts import OfficialContact
from .content import ContentPage
from .pages import AudiencePage, HomePage, StandardPage
from .reporting import ReportFormField, ReportFormPage
from .review import PreCheckTask, PreCheckTaskState

__all__ = [
    "AlertIndexPage",
    "Audience",
    "AudiencePage",
    "ClaimRule",
    "ContentPage",
    "FraudAlert",
    "HomePage",
    "OfficialContact",
    "PreCheckTask",
    "PreCheckTaskState",
    "ReportFormField",
    "ReportFormPage",
    "StandardPage",
]
