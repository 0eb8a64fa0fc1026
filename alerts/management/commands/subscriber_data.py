"""``manage.py subscriber_data export ADDRESS`` prints everything stored about one subscriber as JSON;
``manage.py subscriber_data erase ADDRESS`` deletes it (the subscription and the record of alerts sent to it)."""

import json

from django.core.management.base import BaseCommand, CommandError

from alerts.subscriptions.models import Subscriber


class Command(BaseCommand):
    help = "Export or erase what is stored about one subscriber's e-mail address (PIPL requests)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("email")

    def handle(self, action, email, **options):
        subscriber = Subscriber.objects.filter(email__iexact=email.strip()).first()
        if subscriber is None:
            raise CommandError(f"No subscriber with the address {email!r}; nothing is stored about it.")
        if action == "export":
            self.stdout.write(json.dumps(subscriber.export(), ensure_ascii=False, indent=2))
        else:
            subscriber.delete()
            self.stdout.write(f"Erased the subscription of {email} and the record of the alerts sent to it.")
