"""The active window becomes an alert's only schedule (``FraudAlert`` explains the meaning).

Existing alerts keep what visitors saw: an alert went live at the later of ``active_from`` and a
Wagtail ``go_live_at``, and ended at the earlier of ``active_until`` and an ``expire_at``. The
window takes those times, on the row and in every saved version; a version still waiting for its
go-live is rescheduled to its window's start; no version expires any more.
"""

from django.db import migrations, models
from django.utils import timezone
from django.utils.dateparse import parse_datetime

import django.utils.timezone


def merged_window(active_from, active_until, go_live_at, expire_at):
    """(goes live, ends): the later start and the earlier end of the window and Wagtail's schedule."""
    starts = max(filter(None, [active_from, go_live_at]))
    ends = min(filter(None, [active_until, expire_at]), default=None)
    return starts, ends


def window_of(data):
    return [parse_datetime(data[name]) if data.get(name) else None
            for name in ("active_from", "active_until", "go_live_at", "expire_at")]


def schedule_by_window(apps, schema_editor):
    FraudAlert = apps.get_model("alerts", "FraudAlert")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label="alerts", model="fraudalert").first()
    now = timezone.now()
    for alert in FraudAlert.objects.filter(models.Q(go_live_at__isnull=False) | models.Q(expire_at__isnull=False)):
        alert.active_from, alert.active_until = merged_window(
            alert.active_from, alert.active_until, alert.go_live_at, alert.expire_at)
        alert.go_live_at = alert.active_from if alert.active_from > now else None
        alert.expire_at = None
        alert.save(update_fields=["active_from", "active_until", "go_live_at", "expire_at"])
    if content_type is None:
        return
    for revision in Revision.objects.filter(base_content_type=content_type):
        data = revision.content
        if not (data.get("go_live_at") or data.get("expire_at")):
            continue
        starts, ends = merged_window(*window_of(data))
        data.update(active_from=starts.isoformat(), active_until=ends.isoformat() if ends else None,
                    go_live_at=starts.isoformat() if starts > now else None, expire_at=None)
        if revision.approved_go_live_at:
            revision.approved_go_live_at = max(starts, now)
        revision.save(update_fields=["content", "approved_go_live_at"])


class Migration(migrations.Migration):

    dependencies = [
        ("alerts", "0004_syndication_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterField(
            model_name="fraudalert",
            name="active_from",
            field=models.DateTimeField(default=django.utils.timezone.now, help_text="When visitors, subscribers and partners first see the alert. If it is approved earlier, it is scheduled and goes live at this time.", verbose_name="goes live at"),
        ),
        migrations.AlterField(
            model_name="fraudalert",
            name="active_until",
            field=models.DateTimeField(blank=True, help_text="When the alert leaves the site banner; it stays listed under past alerts. Leave empty for an alert without an end.", null=True, verbose_name="ends at"),
        ),
        migrations.RunPython(schedule_by_window, migrations.RunPython.noop),
    ]
