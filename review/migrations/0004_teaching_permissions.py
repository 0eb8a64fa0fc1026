"""Reviewers and site administrators teach the pre-check: they may add, change and delete labelled examples.

Editors may not: what counts as misleading is the reviewers' call. Idempotent, like the groups'
own migration (portal 0003).
"""

from django.db import migrations

GROUPS = {
    "Consumer-protection reviewers": ("add", "change", "delete", "view"),
    "Site administrators": ("add", "change", "delete", "view"),
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="review", model="claimexample")
    for name, actions in GROUPS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=f"{action}_claimexample",
                defaults={"name": f"Can {action} labelled example"},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("review", "0003_claim_examples"), ("portal", "0003_review_groups")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
