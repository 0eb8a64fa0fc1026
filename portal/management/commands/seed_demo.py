"""``manage.py seed_demo``: build the bilingual demo site (idempotent; refused in production)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal.demo.builder import DEMO_USERS, DemoBuilder


class Command(BaseCommand):
    help = "Create the bilingual demo content, images and demo users. Safe to run twice."

    def handle(self, *args, **options):
        if settings.SETTINGS_MODULE.endswith(".production"):
            raise CommandError("seed_demo creates demo users with known passwords; it is refused under production settings.")
        with transaction.atomic():
            DemoBuilder(stdout=self.stdout).build()
        for username, password, group in DEMO_USERS:
            self.stdout.write(f"  demo user {username!r} / password {password!r} ({group or 'superuser'})")
