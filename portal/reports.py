"""Reporters' personal data: who may read report submissions, what they see, and the audit trail.

A report holds a person's phone number, sometimes an e-mail address or the card number a fraudster
asked for. Under PIPL and GDPR it is read only by the people who handle reports:

* **Report handlers** (``review`` migration 0003: ``wagtailforms.view_formsubmission`` to list and
  export, ``delete_formsubmission`` to delete) and superusers. Wagtail lets anyone who may change a
  form page read its submissions; ``filter_form_submissions_for_user`` (``wagtail_hooks``) replaces
  that rule with this one, which also hides the *Forms* menu item from everybody else, and the
  views here refuse them the URLs (403).
* **Masked listings**: a field marked sensitive by the editor, or any answer that looks like a card
  or account number (``ACCOUNT_NUMBER``), shows only its last four digits in the admin listing. The
  export (CSV, Excel) has the full answers: handlers need them to act, and each export is logged.
* **Marking a suspect's contact as reported**: beside each report, a link per answer to a question
  marked *the suspect's contact* opens a new ``ReportedContact`` filled in with that answer only,
  for those who may add one (handlers, reviewers). Nothing about the reporter goes with it.
* **Audit log**: every listing, export and deletion is a log entry on the form page (who, when,
  which submissions), in the page's history and in *Reports → Site history*; the entry records
  submission ids, never their content.

Retention and the rights of the person reporting are management commands (``purge_reports``,
``report_subject``) built on ``reports_older_than`` and ``reports_of``.
"""

import re
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.forms.utils import get_form_types
from wagtail.contrib.forms.views import DeleteSubmissionsView, FormPagesListView, SubmissionsListView
from wagtail.log_actions import log
from wagtail.models import Page

from review.contact_check import reported_kind_of
from review.models import ReportedContact

# 12 to 19 digits, spaces or dashes between: bank cards (16-19), most account numbers. A phone
# number (11 digits in China) is not masked by this rule: the handler calls the reporter back.
ACCOUNT_NUMBER = re.compile(r"(?<!\d)(?:\d[ -]?){11,18}\d(?!\d)")
MASK = "•••• "

LOG_ACTIONS = {
    "portal.reports.view": (_("View reports"), _("Viewed report submissions")),
    "portal.reports.export": (_("Export reports"), _("Exported report submissions")),
    "portal.reports.delete": (_("Delete reports"), _("Deleted report submissions")),
}


def can_handle_reports(user):
    """Report handlers and superusers (``has_perm`` is true for every active superuser)."""
    return user.is_active and user.has_perm("wagtailforms.view_formsubmission")


def form_pages_for(user, editable_forms):
    """The form pages whose submissions ``user`` may read: all for a handler, none for anybody else."""
    if not can_handle_reports(user):
        return editable_forms.none()
    return Page.objects.filter(content_type__in=get_form_types())


def mask(text):
    """``text`` with each card or account number reduced to its last four digits."""
    return ACCOUNT_NUMBER.sub(lambda match: MASK + re.sub(r"\D", "", match.group())[-4:], text)


def mask_fully(value):
    """A sensitive field's answer: only its last four characters, whatever it holds."""
    value = str(value or "")
    return MASK + value[-4:] if value else value


def sensitive_names(form_page):
    """The clean names of the fields the editor marked sensitive."""
    fields = getattr(form_page, "form_fields", None)
    return set(fields.filter(sensitive=True).values_list("clean_name", flat=True)) if fields is not None else set()


class ReportSubmissionsListView(SubmissionsListView):
    """Wagtail's submissions listing and export, masked on screen and written to the audit log."""

    def render_to_response(self, context, **response_kwargs):
        submissions = context["submissions"]
        ids = [submission.pk for submission in submissions]
        if self.is_export:
            data = {"format": self.request.GET.get("export"), "submissions": ids}
            log(self.form_page, "portal.reports.export", user=self.request.user, data=data)
        else:
            log(self.form_page, "portal.reports.view", user=self.request.user, data={"submissions": ids})
        return super().render_to_response(context, **response_kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.is_export:
            return context
        names = [name for name, label in self.form_page.get_data_fields()]
        sensitive = sensitive_names(self.form_page)
        for row in context.get("data_rows", []):
            row["fields"] = [
                mask_fully(value) if name in sensitive else mask(value) if isinstance(value, str) else value
                for name, value in zip(names, row["fields"])
            ]
        self.add_mark_as_reported_links(context, names, sensitive)
        return context

    def add_mark_as_reported_links(self, context, names, sensitive):
        """A last column: "mark as reported" for each answer about the suspect's contact (see the module);
        never for a sensitive field, whose answers the listing masks."""
        suspect = set(self.form_page.form_fields.filter(suspect_contact=True).values_list("clean_name", flat=True))
        suspect -= sensitive
        if not suspect or not self.request.user.has_perm("review.add_reportedcontact"):
            return
        add_url = reverse(ReportedContact.snippet_viewset.get_url_name("add"))
        context["data_headings"].append({"name": "mark_reported", "label": _("Mark as reported"), "order": None})
        submissions = {submission.pk: submission.get_data() for submission in context["submissions"]}
        for row in context["data_rows"]:
            data = submissions.get(row["model_id"], {})
            values = [str(data[name]).strip() for name in names if name in suspect and str(data.get(name) or "").strip()]
            row["fields"].append(format_html_join(" ", '<a href="{}?{}">{}</a>', (
                (add_url, urlencode({"kind": reported_kind_of(value), "value": value[:200]}),
                 format_html(_("Mark “{value}” as reported"), value=value[:200]))
                for value in values
            )))


class HandlersFormPagesListView(FormPagesListView):
    """The *Forms* index: for report handlers (who hold no page permission), refused to everybody else."""

    def user_has_any_permission(self, permissions):
        return can_handle_reports(self.request.user)


class HandlersDeleteSubmissionsView(DeleteSubmissionsView):
    """Deleting submissions takes the delete permission (Wagtail asks only for page "change"), and is logged."""

    def dispatch(self, request, *args, **kwargs):
        if not (can_handle_reports(request.user) and request.user.has_perm("wagtailforms.delete_formsubmission")):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def handle_delete(self, submissions):
        ids = list(submissions.values_list("pk", flat=True))
        log(self.page, "portal.reports.delete", user=self.request.user, data={"submissions": ids})
        super().handle_delete(submissions)


def report_submissions():
    """Every submission of a report form page (other form pages, if any, are not reports)."""
    from portal.models import ReportFormPage

    return FormSubmission.objects.filter(page__in=ReportFormPage.objects.all())


def reports_older_than(days=None):
    """Submissions past the retention period (``REPORT_RETENTION_DAYS``, 180 by default)."""
    days = settings.REPORT_RETENTION_DAYS if days is None else days
    return report_submissions().filter(submit_time__lt=timezone.now() - timedelta(days=days))


def _digits(text):
    return re.sub(r"\D", "", text)


def reports_of(phone=None, email=None):
    """The reports in which a person left this phone number or e-mail address (in any field).

    Phone numbers compare on their digits, so "+86 138-0000-0000" finds "13800000000": the last 11
    digits when the number has a country code. E-mail addresses compare case-insensitively.
    """
    wanted_phone = _digits(phone or "")[-11:]
    wanted_email = (email or "").strip().lower()
    found = []
    for submission in report_submissions().iterator():
        for value in submission.form_data.values():
            text = value if isinstance(value, str) else ""
            if wanted_phone and len(wanted_phone) >= 5 and _digits(text)[-11:] == wanted_phone:
                found.append(submission)
                break
            if wanted_email and text.strip().lower() == wanted_email:
                found.append(submission)
                break
    return found
