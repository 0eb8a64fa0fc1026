"""``manage.py search_rebuild``: the database search's entries rewritten, and a fresh engine index for
everything searchable, swapped in with no downtime."""

import sys

from django.core.management.base import BaseCommand, CommandError
from elasticsearch import exceptions as es_exceptions

from search.engine import get_client
from search.entries import rebuild_entries
from search.models import SearchEntry
from search.queue import rebuild_and_replay


class Command(BaseCommand):
    help = "Rewrite the database search's entries, build a new engine index and swap the alias to it atomically."

    def handle(self, *args, **options):
        client = get_client()
        try:
            if client is None:
                self.stdout.write("ELASTICSEARCH_URL is not set: no engine index to rebuild.")
            else:
                self.rebuild_engine(client)
        finally:
            # After the engine's rebuild, which marks the rows queued before it done: this reads a newer
            # state. And also when the engine failed: the database search is the fallback.
            rebuild_entries()
            self.stdout.write(f"the database search holds {SearchEntry.objects.count()} entries")

    def rebuild_engine(self, client):
        def progress(done, total):
            width = 30
            filled = width * done // max(total, 1)
            sys.stdout.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
            sys.stdout.flush()

        try:
            name = rebuild_and_replay(client, progress)
        except (es_exceptions.ConnectionError, es_exceptions.ApiError, RuntimeError) as error:
            raise CommandError(f"rebuild failed, the current index stays in use: {error}") from error
        self.stdout.write(f"\nthe alias now points at {name}")
