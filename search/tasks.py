"""Background work for the search index, run by django-tasks (Wagtail 8 uses it too).

Under the development and production settings the database backend queues the drain for the
worker (``manage.py db_worker``, README "Background work"); the test settings' immediate backend
runs it right after the commit that queued it.
"""

from django_tasks import task

from .queue import drain_all


@task()
def drain_index_queue():
    done, failed = drain_all()
    return {"done": done, "failed": failed}
