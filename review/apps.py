from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class ReviewConfig(AppConfig):
    """The consumer-protection review: pre-checks, claim rules, official contacts, the workflow task."""

    name = "review"
    default = True  # this module also holds UsersConfig, so Django must be told which one "review" means
    verbose_name = _("Consumer-protection review")

    def ready(self):
        # signals: workflow tasks on the submitted revision, contacts in the chrome; workflow_names: names
        # of workflows and tasks shown in the reader's language.
        from . import signals, workflow_names  # noqa: F401

        workflow_names.connect()


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin with ``review.users.UserViewSet``: nobody grants more rights than they hold."""

    user_viewset = "review.users.UserViewSet"
