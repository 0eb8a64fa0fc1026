"""The review's models: the claim dictionary, the allow-list of official contacts, the pre-check task."""

from .claims import ClaimRule
from .contacts import OfficialContact
from .tasks import PreCheckTask, PreCheckTaskState

__all__ = ["ClaimRule", "OfficialContact", "PreCheckTask", "PreCheckTaskState"]
