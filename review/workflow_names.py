"""Workflow and task names, shown in the admin language of whoever reads them.

The review's workflow and tasks are database rows (``portal`` migration 0004 creates them with
English names), so gettext never saw them and a Chinese admin read "提交给Consumer-protection
review". Wagtail shows ``workflow.name`` and ``task.name`` directly in many places: the action
menu's "Submit to %(workflow_name)s", the status side panel, the dashboard's queues, the workflow
history and reports, lock messages, notifications; often on the base ``Task`` that a ``TaskState``
points to, not the specific class, so overriding a method of one task class would miss most.

Instead every Workflow and Task loaded gets its name as a ``DisplayedName``: a ``str`` equal to
the stored English name, so queries, comparisons, JSON and the database see exactly that, whose
``str()`` and ``format()`` (what templates, ``%`` and f-strings use to show it) look the name up in
the catalogue at that moment, in the reader's language. A name that has no translation (one an
administrator typed) shows as typed. Saving a form whose name field showed the translation keeps
the stored name, so one Chinese administrator's save does not turn the workflow Chinese for all.

The history (audit log) keeps the names as they were when each step happened, in English, in
the entry's data; ``translate_logged_names`` has Wagtail's workflow log formatters show them the
same way.
"""

import copy

from django.apps import apps
from django.db.models.signals import post_init, pre_save
from django.utils.translation import gettext, gettext_noop
from wagtail.models import Task, Workflow

# The names the migrations store (and Wagtail's default workflow's), for the catalogue.
STORED_NAMES = (
    gettext_noop("Consumer-protection review"),
    gettext_noop("Automated pre-check"),
    gettext_noop("Reviewer approval"),
    gettext_noop("Moderators approval"),
)


class DisplayedName(str):
    """The stored name, translated only when shown."""

    def __str__(self):
        return gettext(str.__str__(self))

    def __format__(self, format_spec):
        return format(str(self), format_spec)


def display_translated(sender, instance, **kwargs):
    name = instance.__dict__.get("name")
    if isinstance(name, str) and not isinstance(name, DisplayedName):
        instance.name = DisplayedName(name)


def keep_stored_name(sender, instance, **kwargs):
    """A name submitted as its translation is saved as the stored name it translates."""
    if instance.pk is None or isinstance(instance.name, DisplayedName):
        return
    stored = sender._base_manager.filter(pk=instance.pk).values_list("name", flat=True).first()
    if stored and instance.name == gettext(stored):
        instance.name = stored


def connect():
    """For Workflow, Task and every specific task class (signals go to the exact class)."""
    for model in [Workflow, *(model for model in apps.get_models() if issubclass(model, Task))]:
        post_init.connect(display_translated, sender=model, dispatch_uid=f"display_translated_{model.__name__}")
        pre_save.connect(keep_stored_name, sender=model, dispatch_uid=f"keep_stored_name_{model.__name__}")


# Wagtail's workflow log entries: their ``data["workflow"]`` holds the names as ``title``s.
WORKFLOW_LOG_ACTIONS = ("wagtail.workflow.start", "wagtail.workflow.approve", "wagtail.workflow.reject",
                        "wagtail.workflow.resume", "wagtail.workflow.cancel")


def _displayed(step):
    if isinstance(step, dict) and isinstance(step.get("title"), str):
        return {**step, "title": DisplayedName(step["title"])}
    return step


def translate_logged_names(actions):
    """Wrap the registered workflow log formatters so the logged names show translated."""
    for action in WORKFLOW_LOG_ACTIONS:
        formatter = actions.formatters[action]
        format_message = formatter.format_message

        def with_displayed_names(log_entry, format_message=format_message):
            workflow = (log_entry.data or {}).get("workflow")
            if not isinstance(workflow, dict):
                return format_message(log_entry)
            entry = copy.copy(log_entry)
            entry.data = {**log_entry.data, "workflow": {
                **_displayed(workflow), **{key: _displayed(workflow.get(key)) for key in ("task", "next") if key in workflow}
            }}
            return format_message(entry)

        formatter.format_message = with_displayed_names
