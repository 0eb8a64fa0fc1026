"""Roles, round two (issue 14): a "Report handlers" group, and nobody below it publishes past the review.

* **Report handlers** see, export and delete the submissions of report forms (reporters' names,
  phone numbers, sometimes card numbers): ``wagtailforms.view_formsubmission`` (list, export)
  and ``delete_formsubmission``. Nobody else below superuser does (``portal.reports``): until
  now every editor and reviewer could, because Wagtail lets whoever may change a form page read
  its submissions.
* **Marketing editors and reviewers lose direct publishing** of pages and fraud alerts: content goes
  live only when the workflow's last task approves it, after the automated pre-check passed on that
  very revision. Without "publish" Wagtail also refuses them unpublishing and deleting live pages,
  so a reviewer can no longer delete the live report page with its reports.
* **Site administrators no longer edit groups** (they still view them): editing the permissions
  of a group one belongs to is granting oneself rights. Superusers manage groups.

Idempotent (``get_or_create``, removals of what may already be gone), so it runs both on a fresh
database and on one made by main. Permissions are created on the spot if Django has not yet.
"""

from django.db import migrations

HANDLERS = "Report handlers"
EDITORS = "Marketing editors"
REVIEWERS = "Consumer-protection reviewers"
SITE_ADMINS = "Site administrators"

HANDLER_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("wagtailforms", "formsubmission", "view_formsubmission"),
    ("wagtailforms", "formsubmission", "delete_formsubmission"),
]
PUBLISH_ALERT = ("alerts", "fraudalert", "publish_fraudalert")
PUBLISH_PAGE = ("wagtailcore", "page", "publish_page")
GROUP_EDITING = [("auth", "group", f"{action}_group") for action in ("add", "change", "delete")]


def permission(apps, app_label, model_name, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
    verbose_name = apps.get_model(app_label, model_name)._meta.verbose_name_raw
    action = codename.removesuffix(f"_{model_name}")
    return Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": f"Can {action} {verbose_name}"}
    )[0]


def forward(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    handlers, _ = Group.objects.get_or_create(name=HANDLERS)
    handlers.permissions.add(*[permission(apps, *row) for row in HANDLER_PERMISSIONS])

    publish_page = permission(apps, *PUBLISH_PAGE)
    publish_alert = permission(apps, *PUBLISH_ALERT)
    for group in Group.objects.filter(name__in=(EDITORS, REVIEWERS)):
        group.permissions.remove(publish_alert)
        GroupPagePermission.objects.filter(group=group, permission=publish_page).delete()

    for group in Group.objects.filter(name=SITE_ADMINS):
        group.permissions.remove(*[permission(apps, *row) for row in GROUP_EDITING])


def backward(apps, schema_editor):
    """Gives back what main had: reviewers publish, site administrators edit groups; no handlers group."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    root = apps.get_model("wagtailcore", "Page").objects.get(depth=1)
    Group.objects.filter(name=HANDLERS).delete()
    for group in Group.objects.filter(name=REVIEWERS):
        group.permissions.add(permission(apps, *PUBLISH_ALERT))
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission(apps, *PUBLISH_PAGE))
    for group in Group.objects.filter(name=SITE_ADMINS):
        group.permissions.add(*[permission(apps, *row) for row in GROUP_EDITING])


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0004_teaching_permissions"),
        ("alerts", "0002_rename_tables"),
        ("portal", "0007_models_moved_to_their_apps"),
        ("wagtailforms", "0005_alter_formsubmission_form_data"),
    ]

    operations = [migrations.RunPython(forward, backward)]
