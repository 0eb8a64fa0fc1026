"""The moved models' tables take this app's name (portal_fraudalert, portal_alertindexpage before)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("alerts", "0001_initial"),
        ("portal", "0007_models_moved_to_their_apps"),
    ]

    operations = [
        migrations.AlterModelTable(name="fraudalert", table=None),
        migrations.AlterModelTable(name="alertindexpage", table=None),
    ]
