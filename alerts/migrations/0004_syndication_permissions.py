"""Who may see and act on alert syndication (see ``alerts.syndication.admin_views``).

Marketing editors see the timelines and tick the manual channels; reviewers may also retry failed
deliveries; site administrators may also manage partner endpoints (URLs and signing secrets).
Nobody but a superuser sees subscribers: there is no admin view of them at all. The groups are
found or created by name, as ``portal.0003`` does, so the order of the two does not matter.
"""

from django.db import migrations

GROUPS = {
    "Marketing editors": [("syndication", "view_syndication")],
    "Consumer-protection reviewers": [("syndication", "view_syndication"), ("syndication", "retry_delivery")],
    "Site administrators": [("syndication", "view_syndication"), ("syndication", "retry_delivery")]
    + [("partnerendpoint", f"{action}_partnerendpoint") for action in ("add", "change", "delete", "view")],
}
NAMES = {"retry_delivery": "Can retry failed alert deliveries"}


def permission(apps, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="alerts", model=model)
    verbose_name = apps.get_model("alerts", model)._meta.verbose_name_raw
    name = NAMES.get(codename) or f"Can {codename.split('_')[0]} {verbose_name}"
    return Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})[0]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, rows in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*[permission(apps, *row) for row in rows])


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, rows in GROUPS.items():
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.remove(*[permission(apps, *row) for row in rows])


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0003_subscriptions_and_syndication"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
