"""The review's models: the claim dictionary, official contacts, the pre-check task, what reviewers taught."""

from .claims import ClaimRule
from .contacts import OfficialContact
from .examples import ClaimExample, DismissedFinding
from .tasks import PreCheckTask, PreCheckTaskState

__all__ = ["ClaimExample", "ClaimRule", "DismissedFinding", "OfficialContact", "PreCheckTask", "PreCheckTaskState"]
