"""The moved models' tables take this app's name (portal_claimrule, portal_prechecktask, portal_prechecktaskstate, portal_officialcontact before)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("review", "0001_initial"),
        ("portal", "0007_models_moved_to_their_apps"),
    ]

    operations = [
        migrations.AlterModelTable(name="claimrule", table=None),
        migrations.AlterModelTable(name="prechecktask", table=None),
        migrations.AlterModelTable(name="prechecktaskstate", table=None),
        migrations.AlterModelTable(name="officialcontact", table=None),
    ]
