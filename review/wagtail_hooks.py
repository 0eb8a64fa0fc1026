"""The review in the admin: guards around the edit views, messages, the pages' workflow views, the
reviewer's queue, and the answers this app gives to the ground app's hooks (the checks panel, the
posters' hotlines)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from foundation.models import ContentPage
from foundation.panels import CHECKS_HOOK
from foundation.posters import HOTLINES_HOOK

from . import admin_hooks, feedback, workflow_names
from .admin_views import ReviewedPageViewSet
from .checks import run_checks
from .dashboard import ReviewQueuePanel
from .hotlines import poster_hotlines

hooks.register("before_edit_page", admin_hooks.guard_page_edit)
hooks.register("before_create_page", admin_hooks.guard_page_create)
hooks.register("before_edit_snippet", admin_hooks.guard_snippet_edit)
hooks.register("before_create_snippet", admin_hooks.guard_snippet_create)
for hook_name in ("after_edit_page", "after_create_page", "after_edit_snippet", "after_create_snippet"):
    hooks.register(hook_name, admin_hooks.report_review_outcome)
hooks.register(CHECKS_HOOK, run_checks)
hooks.register(HOTLINES_HOOK, poster_hotlines)


@hooks.register("construct_homepage_panels")
def add_review_queue_panel(request, panels):
    panels.append(ReviewQueuePanel())


@hooks.register("register_admin_viewset")
def register_reviewed_page_views():
    # Every public page type derives from ContentPage: its workflow views say what a decision did.
    return ReviewedPageViewSet(model=ContentPage)


@hooks.register("register_admin_urls")
def teaching_urls():
    return [
        path("review/teach/<int:content_type_id>/<int:object_id>/", feedback.teach, name="review_teach_prefix"),
        path("review/teach/<int:content_type_id>/<int:object_id>/<str:fingerprint>/", feedback.teach,
             name="review_teach"),
    ]


@hooks.register("register_log_actions")
def teaching_log_actions(actions):
    actions.register_action(feedback.CONFIRMED, _("Confirm finding"), _("Finding confirmed as misleading"))
    actions.register_action(feedback.DISMISSED, _("Dismiss finding"), _("Finding dismissed as not misleading"))


@hooks.register("register_log_actions", order=100)  # after Wagtail's own workflow actions are registered
def translated_workflow_names_in_history(actions):
    workflow_names.translate_logged_names(actions)
