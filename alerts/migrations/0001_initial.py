"""Fraud alerts and the alerts page, moved here from ``portal``.

The tables and rows stay where ``portal`` made them; only Django's state and the content types
move here (``foundation.moved_models``). ``0002`` renames the tables.
"""

from django.conf import settings
from django.db import migrations, models
import django.db.models.deletion
import django.utils.timezone
import modelcluster.fields
import modelsearch.index
import uuid
import wagtail.contrib.routable_page.models
import wagtail.fields
import wagtail.models.preview

from foundation.moved_models import move_content_types


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
        ('foundation', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('portal', '0006_outreach_pages'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='FraudAlert',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('live', models.BooleanField(default=True, editable=False, verbose_name='live')),
                        ('has_unpublished_changes', models.BooleanField(default=False, editable=False, verbose_name='has unpublished changes')),
                        ('first_published_at', models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='first published at')),
                        ('last_published_at', models.DateTimeField(editable=False, null=True, verbose_name='last published at')),
                        ('go_live_at', models.DateTimeField(blank=True, null=True, verbose_name='go live date/time')),
                        ('expire_at', models.DateTimeField(blank=True, null=True, verbose_name='expiry date/time')),
                        ('expired', models.BooleanField(default=False, editable=False, verbose_name='expired')),
                        ('locked', models.BooleanField(default=False, editable=False, verbose_name='locked')),
                        ('locked_at', models.DateTimeField(editable=False, null=True, verbose_name='locked at')),
                        ('title', models.CharField(max_length=120, verbose_name='title')),
                        ('severity', models.CharField(choices=[('info', 'Information'), ('warning', 'Warning'), ('critical', 'Critical')], default='warning', max_length=10, verbose_name='severity')),
                        ('summary', models.CharField(max_length=300, verbose_name='summary')),
                        ('body', wagtail.fields.RichTextField(blank=True, verbose_name='body')),
                        ('link', models.URLField(blank=True, verbose_name='link for more information')),
                        ('active_from', models.DateTimeField(default=django.utils.timezone.now, verbose_name='active from')),
                        ('active_until', models.DateTimeField(blank=True, null=True, verbose_name='active until')),
                    ],
                    options={
                        'db_table': 'portal_fraudalert',
                        'verbose_name': 'fraud alert',
                        'verbose_name_plural': 'fraud alerts',
                        'abstract': False,
                    },
                    bases=(wagtail.models.preview.PreviewableMixin, modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name='AlertIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('summary', models.TextField(blank=True, help_text='One or two sentences for listings and sharing.', max_length=300, verbose_name='summary')),
                        ('intro', models.TextField(blank=True, verbose_name='introduction')),
                        ('listing_image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='listing image')),
                    ],
                    options={
                        'db_table': 'portal_alertindexpage',
                        'verbose_name': 'alert index page',
                    },
                    bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page'),
                ),
                    migrations.AddField(
                    model_name='fraudalert',
                    name='audiences',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='alerts', to='foundation.audience', verbose_name='audiences'),
                ),
                migrations.AddField(
                    model_name='fraudalert',
                    name='latest_revision',
                    field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='latest revision'),
                ),
                migrations.AddField(
                    model_name='fraudalert',
                    name='live_revision',
                    field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='live revision'),
                ),
                migrations.AddField(
                    model_name='fraudalert',
                    name='locale',
                    field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale'),
                ),
                migrations.AddField(
                    model_name='fraudalert',
                    name='locked_by',
                    field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='locked_%(class)ss', to=settings.AUTH_USER_MODEL, verbose_name='locked by'),
                ),
                migrations.AlterUniqueTogether(
                    name='fraudalert',
                    unique_together={('translation_key', 'locale')},
                ),
            ],
            database_operations=[],
        ),
        move_content_types("portal", "alerts", ['fraudalert', 'alertindexpage']),
    ]
