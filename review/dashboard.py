"""The reviewer's queue on the admin home page, with each item's pre-check result."""

from django.db.models import Max
from wagtail.admin.ui.components import Component
from wagtail.models import TaskState

from .models import PreCheckTaskState


class ReviewQueuePanel(Component):
    """What waits for this user's review, with the warnings the pre-check passed on.

    A dashboard panel is any ``Component`` added by the
    ``construct_homepage_panels`` hook. Wagtail's own "Awaiting your review"
    panel (kept below this one) holds the approve and reject buttons; this one
    adds what the reviewer should look at. The results come from the stored
    pre-check task states, so listing the queue runs no checks.
    See https://docs.wagtail.org/en/stable/reference/hooks.html#construct-homepage-panels
    """

    name = "consumer_protection_review_queue"
    order = 205  # just above Wagtail's "Awaiting your review"
    template_name = "review/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        request = parent_context["request"]
        states = list(
            TaskState.objects.reviewable_by(request.user)
            .select_related("revision", "revision__user", "workflow_state")
            .prefetch_related("revision__content_object")
            .order_by("started_at")
        )
        # An object deleted while in review leaves its task state without content; skip it.
        return {"request": request, "items": [item for item in self.items(states) if item["object"] is not None]}

    def items(self, states):
        pre_checks = self.latest_pre_checks([state.workflow_state_id for state in states])
        for state in states:
            yield {
                "object": state.revision.content_object,
                "task_state": state,
                "submitted_by": state.workflow_state.requested_by,
                "pre_check": pre_checks.get(state.workflow_state_id),
            }

    @staticmethod
    def latest_pre_checks(workflow_state_ids):
        """The newest finished pre-check of each workflow state, in two queries."""
        latest = (
            PreCheckTaskState.objects.filter(workflow_state_id__in=workflow_state_ids)
            .values("workflow_state_id")
            .annotate(latest_id=Max("id"))
            .values_list("latest_id", flat=True)
        )
        return {state.workflow_state_id: state for state in PreCheckTaskState.objects.filter(id__in=list(latest))}
