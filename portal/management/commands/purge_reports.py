"""``manage.py purge_reports``: delete report submissions older than the retention period.

Run it daily (cron, or the task worker's scheduler). The period is ``REPORT_RETENTION_DAYS``
(180 by default), the number the privacy notice on the form promises; ``--days`` overrides it
for one run and ``--dry-run`` only counts.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from portal.reports import reports_older_than


class Command(BaseCommand):
    help = "Delete report submissions older than REPORT_RETENTION_DAYS."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="Keep this many days instead of REPORT_RETENTION_DAYS.")
        parser.add_argument("--dry-run", action="store_true", help="Count what would be deleted; delete nothing.")

    def handle(self, *args, days=None, dry_run=False, **options):
        old = reports_older_than(days)
        if dry_run:
            self.stdout.write(f"{old.count()} report(s) would be deleted.")
            return
        with transaction.atomic():
            deleted, _ = old.delete()
        self.stdout.write(f"{deleted} report(s) deleted.")
