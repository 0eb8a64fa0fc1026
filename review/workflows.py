"""The one way content goes live below superuser: the last approval of the review workflow.

Editors and reviewers hold no "publish" permission (``review`` migration 0003), so Wagtail's own
end-of-workflow action, which publishes *as the approving user* and checks that user's publish
permission, would refuse. ``publish_after_review`` (``WAGTAIL_FINISH_WORKFLOW_ACTION``) publishes
instead on the workflow's authority, and only the revision the automated pre-check approved: if
the revision being finished is not the latest one, or the pre-check did not pass on it, nothing
is published (``PermissionDenied``, a 403 to the reviewer).
See https://docs.wagtail.org/en/stable/reference/settings.html#wagtail-finish-workflow-action
"""

from django.core.exceptions import PermissionDenied


def prechecked(workflow_state, revision):
    """Whether the automated pre-check of this workflow run approved exactly ``revision``."""
    # Imported here: Wagtail imports this module while ``wagtail.models`` is still loading.
    from review.models import PreCheckTaskState

    return PreCheckTaskState.objects.filter(
        workflow_state=workflow_state, revision=revision, status=PreCheckTaskState.STATUS_APPROVED
    ).exists()


def publish_after_review(workflow_state, user=None):
    revision = workflow_state.current_task_state.revision
    if revision != workflow_state.content_object.get_latest_revision() or not prechecked(workflow_state, revision):
        raise PermissionDenied("Only the revision the pre-check passed can be published.")
    # The approver's own rights are not the point: passing the review is what allows publishing.
    revision.publish(user=user, skip_permission_checks=True)
