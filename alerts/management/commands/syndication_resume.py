"""``manage.py syndication_resume``: queue unfinished alert deliveries that are due (retries, and work a
killed worker left), and delete sign-ups never confirmed in time. Run it every minute beside
``publish_scheduled`` and when the worker starts (``deploy/systemd``). ``--now`` runs the deliveries
here instead of queueing them."""

from django.core.management.base import BaseCommand

from alerts.subscriptions.models import Subscriber
from alerts.syndication import dispatch
from alerts.syndication.models import Delivery


class Command(BaseCommand):
    help = "Queue (or with --now run) unfinished alert deliveries that are due."

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Run the due deliveries in this process.")

    def handle(self, now=False, **options):
        deleted, _ = Subscriber.objects.expired_unconfirmed().delete()
        if now:
            due = Delivery.objects.filter(state__in=dispatch.UNFINISHED).exclude(channel=Delivery.Channel.MANUAL)
            states = [dispatch.run(pk) for pk in due.values_list("pk", flat=True)]
            self.stdout.write(f"Ran {len([s for s in states if s])} deliveries; {deleted} expired sign-ups deleted.")
        else:
            self.stdout.write(f"Queued {dispatch.resume()} deliveries; {deleted} expired sign-ups deleted.")
