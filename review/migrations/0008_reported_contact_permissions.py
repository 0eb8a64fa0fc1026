"""Who keeps the list of reported contacts: reviewers add, change and delete them; report handlers,
who read the reports they come from, may add one. Editors may not touch the list.

Site administrators hold the reviewers' rights too: they may grant only groups whose rights they
hold (``review.users``), and they make the reviewers' accounts. Idempotent, like the groups' own migration (portal 0003).
"""

from django.db import migrations

GROUPS = {
    "Consumer-protection reviewers": ("add", "change", "delete", "view"),
    "Site administrators": ("add", "change", "delete", "view"),
    "Report handlers": ("add", "view"),
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="review", model="reportedcontact")
    for name, actions in GROUPS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=f"{action}_reportedcontact",
                defaults={"name": f"Can {action} reported contact"},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("review", "0007_reported_contacts_and_check_counts")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
