"""What the calendar says about each piece of content: its workflow state and its English version, in words.

The states carry a context ("workflow state"): Wagtail's catalogue already has "Live", "Draft" and "Scheduled"
with other meanings (e.g. "Live" is translated "发布", publish).
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Locale, WorkflowState

IN_REVIEW = pgettext_lazy("workflow state", "In review")
CHANGES_REQUESTED = pgettext_lazy("workflow state", "Changes requested")
APPROVED = pgettext_lazy("workflow state", "Approved")
SCHEDULED = pgettext_lazy("workflow state", "Scheduled")
LIVE = pgettext_lazy("workflow state", "Live")
EXPIRED = pgettext_lazy("workflow state", "Expired")
DRAFT = pgettext_lazy("workflow state", "Draft")

ENGLISH = "en"


def workflow_state(obj, now=None):
    """The one state an editor needs to know, for a page or an alert snippet.

    A review in progress (or sent back) comes first, because it says who has to act next; then
    what the public sees or will see: an approved revision waiting for its go-live time, live,
    expired. "Approved" is a finished review whose content is neither live nor scheduled (e.g.
    published and then unpublished).
    """
    now = now or timezone.now()
    current = obj.current_workflow_state
    if current is not None:
        return CHANGES_REQUESTED if current.status == WorkflowState.STATUS_NEEDS_CHANGES else IN_REVIEW
    if obj.expired or (obj.expire_at and obj.expire_at <= now):
        return EXPIRED
    if obj.scheduled_revision is not None:
        return SCHEDULED
    if obj.live:
        return LIVE
    if obj.workflow_states.filter(status=WorkflowState.STATUS_APPROVED).exists():
        return APPROVED
    return DRAFT


def english_version_ready(obj):
    """Whether ``obj`` has a live English translation (same ``translation_key``); None when it is English.

    The calendar asks what visitors will see on the day: a live English version. That is not
    ``foundation.translations.translation_state``, for which a saved draft already counts as
    brought up to date (the checks panel and the translation report use that one).
    """
    english = Locale.objects.filter(language_code=ENGLISH).first()
    if english is None:
        return False
    if obj.locale_id == english.pk:
        return None
    translation = obj.get_translation_or_none(english)
    return translation is not None and translation.live


def translation_label(ready):
    if ready is None:
        return _("English original")
    return _("English version live") if ready else _("No live English version")
