"""Background work for the search index, run by django-tasks (Wagtail 8 uses it too).

With the default immediate backend the drain runs right after the commit
that queued it; in production a database-backed worker runs it instead.
"""

from django_tasks import task

from .queue import drain_all


@task()
def drain_index_queue():
    done, failed = drain_all()
    return {"done": done, "failed": failed}
