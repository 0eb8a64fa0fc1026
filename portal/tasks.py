"""Background work of the portal app, run by the task worker (django-tasks).

Purges of the CDN or caching proxy (``purge_urls``) run here after the commit too, so publishing never
waits on a cache that stopped answering. The report's notification e-mail is sent here, after the report is committed, so a dead or
hanging mail server neither loses the report nor holds the reporter's request (``EMAIL_TIMEOUT``
bounds each attempt). Without a ``TASKS`` setting django-tasks runs a task at once in the same
process (its immediate backend), which still records a failure instead of raising it.
"""

from django_tasks import task


@task()
def send_report_email(submission_id):
    """E-mail the team a copy of one stored report (sensitive answers left out: ``ReportFormPage.render_email``)."""
    from wagtail.contrib.forms.models import FormSubmission

    submission = FormSubmission.objects.filter(pk=submission_id).select_related("page").first()
    if submission is None:  # deleted (or purged) before the worker got to it
        return
    submission.page.specific.send_report_email(submission)


@task()
def purge_urls(backend_name, urls):
    """Purge ``urls`` through the backend configured as ``backend_name`` (``portal.frontend_cache.AfterCommit``)."""
    from wagtail.contrib.frontend_cache.utils import get_backends

    backend = get_backends(backends=[backend_name]).get(backend_name)
    if backend is not None:  # a backend removed from the settings since the purge was queued
        backend.sender.purge_batch(urls)
