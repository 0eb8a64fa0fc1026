"""The syndication's background work, run by the task worker (``manage.py db_worker``)."""

from django_tasks import task

from ..subscriptions.models import Subscriber
from . import dispatch


@task()
def run_delivery(delivery_id, continued=False):
    return dispatch.run(delivery_id, continued=continued)


@task()
def resume_deliveries():
    """Queue unfinished deliveries that are due, and delete sign-ups never confirmed in time."""
    deleted, _ = Subscriber.objects.expired_unconfirmed().delete()
    return {"queued": dispatch.resume(), "expired_signups_deleted": deleted}
