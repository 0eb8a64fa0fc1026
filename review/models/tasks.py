"""The automated step of the "Consumer-protection review" workflow."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogContext
from wagtail.models import Task, TaskState
from wagtail.users.models import UserProfile

from review.checks import ERROR, WARNING, run_checks


class PreCheckTaskState(TaskState):
    """One run of the pre-check on one revision, with the issues it found.

    Wagtail keeps a ``TaskState`` per task and revision; this subclass (the
    task's ``task_state_class``) also stores the issues, so the reviewer's
    dashboard can show them without running the checks again. Messages are
    stored in the language of the editor who submitted.
    """

    issues = models.JSONField(_("issues"), default=list, blank=True)

    class Meta:
        verbose_name = _("pre-check task state")
        verbose_name_plural = _("pre-check task states")

    @property
    def errors(self):
        return [issue["message"] for issue in self.issues if issue["level"] == ERROR]

    @property
    def warnings(self):
        return [issue["message"] for issue in self.issues if issue["level"] == WARNING]


class PreCheckTask(Task):
    """Runs the consumer-protection checks and decides at once, with nobody to act.

    A custom workflow task: Wagtail calls ``start()`` when a revision reaches
    this step. A group approval task would return an in-progress state and wait
    for a person; this one runs ``review.checks`` on the revision and
    returns the state already finished — rejected when there are errors (the
    workflow goes back to the editor with the list as the comment), approved
    otherwise (warnings go on to the reviewer). ``WorkflowState.update()``
    moves on by itself when a task's state is no longer in progress. The
    decision is logged with no user: the system made it.
    See https://docs.wagtail.org/en/stable/extending/custom_tasks.html
    """

    task_state_class = PreCheckTaskState

    class Meta:
        verbose_name = _("automated pre-check")
        verbose_name_plural = _("automated pre-checks")

    @classmethod
    def get_description(cls):
        return _("Runs the consumer-protection checks: errors send the content back, warnings go to the reviewer")

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        with translation.override(self.editor_language(workflow_state.requested_by)):
            report = run_checks(task_state.revision.as_object())
            comment = report.as_comment()
        task_state.issues = [issue.as_dict() for issue in report.issues]
        # Logged without a user (the system decided), not as the editor whose request ran the check.
        with LogContext(user=None):
            if report.errors:
                task_state.reject(comment=comment, update=False)
            else:
                task_state.approve(comment=comment, update=False)
        return task_state

    @staticmethod
    def editor_language(user):
        """The language the submitting editor uses the admin in."""
        if user is None:
            return translation.get_language()
        return UserProfile.get_for_user(user).get_preferred_language()
