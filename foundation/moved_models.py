"""For the migrations that moved models out of ``portal`` into the apps that own them now.

A model that changes app keeps its rows: the new app's first migration adds it to the new app's
state only (``SeparateDatabaseAndState``, on the old table), and this moves its content type in
place, so every row that points at the content type — pages of that type, revisions, workflow
states, permissions, log entries, search entries — points at the new app without a write. A
later migration gives the table its new app's name (``AlterModelTable``).
"""

from django.db import migrations


def move_content_types(from_app, to_app, models):
    """A ``RunPython`` operation that relabels the content types of ``models`` (and back on reverse)."""

    def relabel(source, target):
        def run(apps, schema_editor):
            ContentType = apps.get_model("contenttypes", "ContentType")
            ContentType.objects.filter(app_label=source, model__in=models).update(app_label=target)

        return run

    return migrations.RunPython(relabel(from_app, to_app), relabel(to_app, from_app))
