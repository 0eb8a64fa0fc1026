"""Audiences, moved here from ``portal``.

The tables and rows stay where ``portal`` made them; only Django's state and the content types
move here (``foundation.moved_models``). ``0002`` renames the tables.
"""

from django.db import migrations, models
import django.db.models.deletion
import modelsearch.index
import uuid

from foundation.moved_models import move_content_types


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('wagtailcore', '0098_apitoken'),
        ('portal', '0006_outreach_pages'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Audience',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('slug', models.SlugField(verbose_name='slug')),
                        ('name', models.CharField(max_length=80, verbose_name='name')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('icon', models.CharField(choices=[('public', 'General public'), ('customers', 'Customers'), ('professionals', 'Insurance professionals'), ('elderly', 'Older people')], default='public', max_length=20, verbose_name='icon')),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='sort order')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'db_table': 'portal_audience',
                        'verbose_name': 'audience',
                        'verbose_name_plural': 'audiences',
                        'ordering': ['sort_order', 'name'],
                        'abstract': False,
                        'constraints': [models.UniqueConstraint(fields=('locale', 'slug'), name='unique_audience_slug_per_locale')],
                        'unique_together': {('translation_key', 'locale')},
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
            ],
            database_operations=[],
        ),
        move_content_types("portal", "foundation", ['audience']),
    ]
