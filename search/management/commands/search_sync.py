"""``manage.py search_sync``: drain the index queue into the database search and Elasticsearch (cron or worker)."""

import time

from django.core.management.base import BaseCommand, CommandError

from search.queue import drain_all, pending


class Command(BaseCommand):
    help = "Write queued page and alert changes to the search index, retrying with back-off."

    def add_arguments(self, parser):
        parser.add_argument("--watch", action="store_true", help="Keep running, draining every --interval seconds.")
        parser.add_argument("--interval", type=float, default=2.0)
        parser.add_argument("--now", action="store_true", help="Ignore back-off times and retry every pending row.")

    def handle(self, *args, watch=False, interval=2.0, now=False, **options):
        while True:
            done, failed = drain_all(ignore_backoff=now)
            left = pending(ignore_backoff=True).count()
            self.stdout.write(f"synced {done} queue rows, {failed} failed, {left} pending")
            if not watch:
                if left:
                    raise CommandError(f"{left} rows are still pending; they will be retried.")
                return
            time.sleep(interval)
