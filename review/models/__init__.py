"""The review's models: the claim dictionary, official contacts, the pre-check task, what reviewers taught, reported contacts."""

from .claims import ClaimRule
from .contacts import OfficialContact
from .examples import ClaimExample, DismissedFinding
from .reported import CheckCount, ReportedContact
from .tasks import PreCheckTask, PreCheckTaskState

__all__ = [
    "CheckCount", "ClaimExample", "ClaimRule", "DismissedFinding", "OfficialContact", "PreCheckTask", "PreCheckTaskState",
    "ReportedContact",
]
