"""What a review action did, said in one message.

Wagtail's views report the step, not the result: "submitted for moderation" even when the
automated pre-check sent the submission straight back, "updated" when a reviewer approved from
the edit view, nothing at all from the dashboard. The review knows the result, so it replaces
those messages with one that says what happened: approved and published, approved and
scheduled, sent back with a comment, or (after the reviewer's own edits) waiting again.
"""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_latest_str
from wagtail.models import Revision, WorkflowState
from wagtail.utils.timestamps import render_timestamp

from .models import PreCheckTask


def last_workflow_state(obj):
    return obj.workflow_states.select_related("current_task_state__task", "requested_by").order_by("-created_at",
                                                                                                  "-pk").first()


def pre_check_rejection(state):
    """The pre-check's comment when it is what sent the content back, else None."""
    task_state = state.current_task_state if state else None
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES and task_state.task.specific_class is PreCheckTask:
        return _("The automated pre-check sent this back: %(comment)s") % {"comment": task_state.comment}
    return None


def decision_outcome(obj):
    """(message level, text) of where a reviewer's approval or rejection left ``obj``, or None."""
    state = last_workflow_state(obj)
    if state is None:
        return None
    if comment := pre_check_rejection(state):
        # The reviewer's edits were saved as a new version, and the pre-check refused it.
        return messages.ERROR, comment
    task_state = state.current_task_state
    title = get_latest_str(obj)
    if state.status == WorkflowState.STATUS_APPROVED:
        # Fresh from the database: publishing it either scheduled it or made it live just now.
        go_live_at = Revision.objects.filter(pk=task_state.revision_id).values_list("approved_go_live_at",
                                                                                    flat=True).first()
        if go_live_at:
            return messages.SUCCESS, _("Approved; goes live at %(time)s: '%(title)s'.") % {
                "time": render_timestamp(go_live_at), "title": title,
            }
        return messages.SUCCESS, _("Approved and published: '%(title)s'.") % {"title": title}
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return messages.SUCCESS, _("Changes requested: '%(title)s' went back to %(editor)s with your comment.") % {
            "title": title, "editor": state.requested_by.get_full_name() or state.requested_by.get_username(),
        }
    if state.status == WorkflowState.STATUS_IN_PROGRESS:
        # An approval holds for the version it was given: edits made while approving wait for their own.
        return messages.WARNING, _(
            "Your edits to '%(title)s' were saved as a new version: it passed the pre-check and needs approval "
            "again (%(task)s)."
        ) % {"title": title, "task": task_state.task.name}
    return None


def replace_success_messages(request, level, text):
    """Show ``text`` in place of the success messages this request queued (Wagtail's own)."""
    storage = messages.get_messages(request)
    kept = [message for message in storage if message.level != messages.SUCCESS]  # iterating marks them used
    for message in kept:
        storage.add(message.level, message.message, message.extra_tags)
    storage.add(level, text)
