"""The admin views reviewed content is edited and decided in, where Wagtail's own need a change.

Two changes, for pages and for alert snippets alike:

- A reviewer's "approve" or "reject" pressed in a snippet's edit view saved a new revision even
  when nothing was edited (Wagtail's page edit view saves one only when the form changed). With
  ``WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT`` an approval holds for the revision it was given,
  so that identical revision restarted the review: the pre-check ran again and the alert went back
  to the reviewer's queue instead of being published. ``ReviewedSnippetEditView`` acts on the
  revision under review unless the reviewer changed something, as the page editor does.
- The dashboard's approve and reject (the workflow action views) say what they did
  (``review.outcomes``); the edit views say it through the ``after_edit_*`` hooks.

``ReviewedSnippetViewSetMixin`` puts both into a snippet's viewset; ``ReviewedPageViewSet`` is
registered for every content page (``review/wagtail_hooks.py``).
See https://docs.wagtail.org/en/stable/extending/generic_views.html and
https://docs.wagtail.org/en/stable/reference/viewsets.html#pageviewset
"""

from django.contrib import messages
from wagtail.admin.views.pages.workflow import WorkflowActionView as PageWorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, TaskState
from wagtail.snippets.views.snippets import EditView as SnippetEditView
from wagtail.snippets.views.snippets import WorkflowActionView as SnippetWorkflowActionView

from . import outcomes


def edited(form):
    """Whether the posted form changes the object it edits.

    Not ``form.has_changed()``: for a field with a callable default (an alert's ``active_from``)
    Django compares the value with a hidden "initial" input, which Wagtail's forms do not render,
    so such a field always counts as changed. In an edit form the initial value is the object's.
    """
    fields = any(field.has_changed(form[name].initial, form[name].data) for name, field in form.fields.items())
    return fields or any(formset.has_changed() for formset in getattr(form, "formsets", {}).values())


class ReviewedSnippetEditView(SnippetEditView):
    def save_instance(self):
        if self.action == "workflow-action" and not edited(self.form):
            # Nothing edited: the decision is about the revision under review, so save none.
            self.new_revision = None
            return self.object
        return super().save_instance()


class DecisionMessageMixin:
    """Says what the approval or rejection did, once the task state it acted on is decided."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        decided = TaskState.objects.filter(pk=self.task_state.pk).exclude(status=TaskState.STATUS_IN_PROGRESS)
        if decided.exists() and (outcome := outcomes.decision_outcome(self.object)):
            messages.add_message(request, *outcome)
        return response


class ReviewedSnippetWorkflowActionView(DecisionMessageMixin, SnippetWorkflowActionView):
    pass


class ReviewedPageWorkflowActionView(DecisionMessageMixin, PageWorkflowActionView):
    pass


class ReviewedSnippetViewSetMixin:
    edit_view_class = ReviewedSnippetEditView
    workflow_action_view_class = ReviewedSnippetWorkflowActionView


class ReviewedPageViewSet(PageViewSet):
    """Registered for the abstract ``ContentPage``, so it serves every page type that derives from it."""

    workflow_action_view_class = ReviewedPageWorkflowActionView

    def get_common_view_kwargs(self, **kwargs):
        # The views look pages up as ``Page`` (then ``.specific``), as Wagtail's base page viewset does.
        return {**super().get_common_view_kwargs(**kwargs), "model": Page}
