"""Admin hook functions for the review; ``review/wagtail_hooks.py`` registers them.

Wagtail's edit views quietly save a draft when someone without the right
posts "Publish" or a workflow action (only a forged or stale form can): these
guards refuse instead, the way the admin refuses anything (403 to scripts, a
redirect home with an error message to browsers). The message hook says what
a submission or a reviewer's decision did (``review.outcomes``).
See https://docs.wagtail.org/en/stable/reference/hooks.html
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from wagtail.models import DraftStateMixin, WorkflowMixin

from . import outcomes


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


def report_review_outcome(request, obj):
    """After a submission or a workflow action in an edit view, say what it did in one message.

    A submission the pre-check sent back shows only the pre-check's comment (not Wagtail's
    "submitted" beside it); an approval or rejection says where it left the content.
    """
    if request.method != "POST" or not isinstance(obj, WorkflowMixin):
        return
    if "action-submit" in request.POST:
        comment = outcomes.pre_check_rejection(outcomes.last_workflow_state(obj))
        outcome = (messages.ERROR, comment) if comment else None
    elif "action-workflow-action" in request.POST:
        outcome = outcomes.decision_outcome(obj)
    else:
        return
    if outcome:
        outcomes.replace_success_messages(request, *outcome)
