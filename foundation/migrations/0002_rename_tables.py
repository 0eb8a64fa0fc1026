"""The moved models' tables take this app's name (portal_audience before)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("foundation", "0001_initial"),
        ("portal", "0007_models_moved_to_their_apps"),
    ]

    operations = [
        migrations.AlterModelTable(name="audience", table=None),
    ]
