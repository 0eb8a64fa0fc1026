"""The claim rules, official contacts and the pre-check task, moved here from ``portal``.

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
                    name='ClaimRule',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('phrase', models.CharField(max_length=200, verbose_name='phrase or pattern')),
                        ('is_pattern', models.BooleanField(default=False, help_text='Treat the phrase as a regular expression.', verbose_name='regular expression')),
                        ('language', models.CharField(choices=[('any', 'Any language'), ('zh-hans', 'Chinese'), ('en', 'English')], default='any', max_length=8, verbose_name='language')),
                        ('severity', models.CharField(choices=[('error', 'Error: blocks approval'), ('warning', 'Warning: shown to the reviewer')], default='error', max_length=8, verbose_name='severity')),
                        ('explanation', models.CharField(max_length=300, verbose_name='explanation')),
                    ],
                    options={
                        'db_table': 'portal_claimrule',
                        'verbose_name': 'claim rule',
                        'verbose_name_plural': 'claim rules',
                        'ordering': ['language', 'phrase'],
                    },
                ),
                migrations.CreateModel(
                    name='PreCheckTask',
                    fields=[
                        ('task_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.task')),
                    ],
                    options={
                        'db_table': 'portal_prechecktask',
                        'verbose_name': 'automated pre-check',
                        'verbose_name_plural': 'automated pre-checks',
                    },
                    bases=('wagtailcore.task',),
                ),
                migrations.CreateModel(
                    name='PreCheckTaskState',
                    fields=[
                        ('taskstate_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.taskstate')),
                        ('issues', models.JSONField(blank=True, default=list, verbose_name='issues')),
                    ],
                    options={
                        'db_table': 'portal_prechecktaskstate',
                        'verbose_name': 'pre-check task state',
                        'verbose_name_plural': 'pre-check task states',
                    },
                    bases=('wagtailcore.taskstate',),
                ),
                migrations.CreateModel(
                    name='OfficialContact',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('name', models.CharField(max_length=120, verbose_name='name')),
                        ('kind', models.CharField(choices=[('phone', 'Phone number'), ('website', 'Website'), ('account', 'Official account')], default='phone', max_length=10, verbose_name='kind')),
                        ('value', models.CharField(help_text='The number, address or account name as people see it.', max_length=200, verbose_name='value')),
                        ('purpose', models.CharField(blank=True, max_length=250, verbose_name='purpose')),
                        ('show_in_footer', models.BooleanField(default=True, verbose_name='show in footer')),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='sort order')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'db_table': 'portal_officialcontact',
                        'verbose_name': 'official contact',
                        'verbose_name_plural': 'official contacts',
                        'ordering': ['sort_order', 'name'],
                        'abstract': False,
                        'unique_together': {('translation_key', 'locale')},
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
            ],
            database_operations=[],
        ),
        move_content_types("portal", "review", ['claimrule', 'prechecktask', 'prechecktaskstate', 'officialcontact']),
    ]
