"""Admin hook functions for the review; ``review/wagtail_hooks.py`` registers them.

Wagtail's edit views quietly save a draft when someone without the right
posts "Publish" or a workflow action (only a forged or stale form can): these
guards refuse instead, the way the admin refuses anything (403 to scripts, a
redirect home with an error message to browsers). The message hooks tell
the editor at once when the automated pre-check sent a submission back,
since Wagtail's own message only says it was submitted.
See https://docs.wagtail.org/en/stable/reference/hooks.html
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from wagtail.models import DraftStateMixin, WorkflowState

from .models import PreCheckTask


def refuse_unpermitted_actions(request, can_publish, obj=None):
    """Raise PermissionDenied when a POST asks to publish, or to act on a task, beyond the user's rights."""
    if request.method != "POST":
        return
    if "action-publish" in request.POST and not can_publish():
        raise PermissionDenied
    task = obj.current_workflow_task if obj is not None and "action-workflow-action" in request.POST else None
    if task and request.POST.get("workflow-action-name") not in [
        name for name, _label, _modal in task.get_actions(obj, request.user)
    ]:
        raise PermissionDenied


def guard_page_edit(request, page):
    refuse_unpermitted_actions(request, page.permissions_for_user(request.user).can_publish, page)


def guard_page_create(request, parent_page, page_class):
    # A page at the top of the tree is a new site root: creating one is a site administrator's job.
    if parent_page.is_root() and not request.user.has_perm("wagtailcore.add_site"):
        raise PermissionDenied
    refuse_unpermitted_actions(request, parent_page.permissions_for_user(request.user).can_publish_subpage)


def can_publish_snippet(request, model):
    return lambda: model.snippet_viewset.permission_policy.user_has_permission(request.user, "publish")


def guard_snippet_edit(request, instance):
    if isinstance(instance, DraftStateMixin):
        refuse_unpermitted_actions(request, can_publish_snippet(request, type(instance)), instance)


def guard_snippet_create(request, model):
    if issubclass(model, DraftStateMixin):
        refuse_unpermitted_actions(request, can_publish_snippet(request, model))


def report_pre_check_rejection(request, obj):
    """After a submission the pre-check rejected, show its comment as an error message."""
    if "action-submit" not in request.POST or not hasattr(obj, "current_workflow_state"):
        return
    state = obj.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return
    task_state = state.current_task_state
    if task_state and task_state.task.specific_class is PreCheckTask:
        message = _("The automated pre-check sent this back: %(comment)s") % {"comment": task_state.comment}
        messages.error(request, message)

