"""Marketing editors make and maintain the English version: ``simple_translation.submit_translation``.

Wagtail's translate action (``wagtail.contrib.simple_translation``) asks for this permission and for
the right to edit the page or alert translated; until now only superusers held it. Reviewers and
report handlers do not get it: translating is writing content, which is the editors' job. Site
administrators get it too: they may grant only groups whose every right they hold (``review.users``),
and they add editors. The copy is a draft that goes through the same review
(``foundation.translation_copies``). Idempotent, like the groups' own migration (portal 0003).
"""

from django.db import migrations

GROUPS = ("Marketing editors", "Site administrators")


def submit_translation(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="simple_translation", model="simpletranslation")
    return Permission.objects.get_or_create(
        content_type=content_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )[0]


def grant(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.add(submit_translation(apps))


def revoke(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(submit_translation(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0005_report_handlers_and_no_direct_publishing"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
