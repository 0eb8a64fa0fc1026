"""“Report a suspicious approach”: a form page built with Wagtail's form builder.

Editors choose the questions in the admin (``ReportFormField``: text, choices, dates…); each
report is stored as a Wagtail form submission, listed and exported (CSV, Excel) under
*Forms* in the admin, and optionally e-mailed to the team (``to_address``). The page shows the
official contacts beside the form, and the confirmation page says what happens next and to call
96110 in an emergency.

Abuse protection, on top of CSRF:

* every free-text field has a maximum length (``ReportFormBuilder``), and Django refuses bodies
  over ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (400);
* a honeypot field, hidden from people and labelled "leave this empty", that bots fill in;
* one report per rendering of the form (``foundation.form_tokens``), so a resent form is stored once;
* at most ``LIMIT`` submissions per IP address (more for the shared addresses in
  ``RATELIMIT_ALLOWED_MORE``, a community desk: ``foundation.ratelimit.allowing_more``). Over the
  limit the form is shown again (429) with what was typed still in it, and says how long to wait:
  the time left in the counter's window, so it is true (``serve_rate_limited``).

Personal data (PIPL, GDPR): a short privacy notice and a consent box that must be ticked; answers
to fields marked *sensitive*, and anything that looks like a card or account number, are masked in
the admin listing and never e-mailed; the e-mail goes out after the commit, from the task worker
(``portal.tasks``); submissions are kept ``REPORT_RETENTION_DAYS`` (``manage.py purge_reports``) and
only report handlers read them (``portal.reports``).

Invalid submissions answer 400 with the form and the messages in the visitor's language.
See https://docs.wagtail.org/en/stable/reference/contrib/forms/
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import models, transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_ratelimit.core import get_usage
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.contrib.forms.models import AbstractFormField, EmailFormMixin, FormMixin
from wagtail.fields import RichTextField
from wagtail.search import index

from foundation.form_tokens import SingleUseForm
from foundation.models import ContentPage
from foundation.ratelimit import allowing_more

LIMIT = "5/10m"  # report submissions per IP address
RATE = allowing_more(LIMIT)
HONEYPOT = "homepage_url"
TOKEN = "form_token"
CONSENT = "privacy_consent"
RESERVED = (HONEYPOT, TOKEN, CONSENT)
# Longest accepted answer per field type (single-line text: Wagtail's own 255).
MAX_LENGTHS = {"multiline": 4000, "email": 254, "url": 500, "hidden": 255}


class ReportForm(SingleUseForm, BaseForm):
    """The base of every report form: the single-use token and the honeypot, then the editor's fields."""

    token_purpose = "report"
    replay_message = _("This report was already sent. We have received it; there is no need to send it again.")

    homepage_url = forms.CharField(
        label=_("Leave this field empty"), required=False, max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    privacy_consent = forms.BooleanField(
        label=_("I agree that the consumer-protection team may use what I wrote here to look into this report."),
        error_messages={"required": _("Please tick the box to agree, or call us instead.")},
        widget=forms.CheckboxInput(attrs={"aria-describedby": "privacy-notice"}),
    )

    def clean(self):
        if self.data.get(HONEYPOT):
            raise ValidationError(_("Your report could not be sent. Please call us on an official number instead."))
        return super().clean()


class ReportFormBuilder(FormBuilder):
    """Wagtail's form builder, with a length limit on every free-text field and our base form."""

    def get_field_options(self, field):
        options = super().get_field_options(field)
        if field.field_type in MAX_LENGTHS:
            options["max_length"] = MAX_LENGTHS[field.field_type]
        if field.field_type == "number":
            options["max_digits"] = 15
        return options

    def get_form_class(self):
        return type("ReportForm", (ReportForm,), self.formfields)


class ReportFormField(AbstractFormField):
    """One question of a report form, defined by an editor."""

    page = ParentalKey("portal.ReportFormPage", on_delete=models.CASCADE, related_name="form_fields")
    sensitive = models.BooleanField(
        _("sensitive"), default=False,
        help_text=_("Card or account numbers, identity numbers: masked in the list of reports and never e-mailed."),
    )

    suspect_contact = models.BooleanField(
        _("the suspect's contact"), default=False,
        help_text=_("The number, website or account the fraudster used: report handlers can mark an answer as a "
                    "reported contact from the list of reports."),
    )

    panels = AbstractFormField.panels + [FieldPanel("sensitive"), FieldPanel("suspect_contact")]

    def clean(self):
        super().clean()
        if self.clean_name in RESERVED or self.get_field_clean_name() in RESERVED:
            raise ValidationError({"label": _("This label is reserved; please choose another.")})


class ReportFormPage(EmailFormMixin, FormMixin, ContentPage):
    """The report form, with the official contacts beside it and a confirmation page."""

    intro = RichTextField(_("introduction"), blank=True)
    thank_you_text = RichTextField(
        _("what happens next"),
        help_text=_("Shown after sending: what the team does with a report and when people may hear back."),
    )

    form_builder = ReportFormBuilder
    search_fields = ContentPage.search_fields + [index.SearchField("intro")]
    api_fields = ContentPage.api_fields + [APIField("intro")]  # never the submissions
    content_panels = ContentPage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]), FieldPanel("subject")],
            heading=_("E-mail a copy of each report (optional)"),
        ),
    ]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("report form page")

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            usage = get_usage(request, group="portal.report-form", key="ip", rate=RATE, method="POST", increment=True)
            if usage and usage["should_limit"]:
                return self.serve_rate_limited(request, usage["time_left"])
        response = super().serve(request, *args, **kwargs)
        form = getattr(response, "context_data", {}).get("form")
        if form is not None and form.is_bound:  # shown again, so it did not validate
            response.status_code = 400
        return response

    def serve_rate_limited(self, request, seconds_left):
        """The form again, filled in with what was posted (nothing validated, stored or used up), and
        how long to wait: the minutes left in the rate limit's window, rounded up."""
        form = self.get_form(page=self, user=request.user)
        form.initial.update({
            name: request.POST.getlist(name) if getattr(field.widget, "allow_multiple_selected", False) else request.POST.get(name)
            for name, field in form.fields.items() if name not in (HONEYPOT, TOKEN) and name in request.POST
        })
        minutes = max(1, -(-seconds_left // 60))
        wait = ngettext(
            "Your report has not been sent yet: too many reports came from your address in a short time. "
            "Please wait %(minutes)d minute and send it again. What you wrote is still here.",
            "Your report has not been sent yet: too many reports came from your address in a short time. "
            "Please wait %(minutes)d minutes and send it again. What you wrote is still here.",
            minutes,
        ) % {"minutes": minutes}
        context = {**self.get_context(request), "form": form, "wait_message": wait}
        response = TemplateResponse(request, self.get_template(request), context, status=429)
        response["Retry-After"] = str(max(1, seconds_left))
        return response

    def get_submissions_list_view_class(self):
        from portal.reports import ReportSubmissionsListView  # a views module: loaded once the models are

        return ReportSubmissionsListView

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["retention_days"] = settings.REPORT_RETENTION_DAYS
        return context

    def process_form_submission(self, form):
        """Store the editor's fields (and the consent), not the token or the honeypot; e-mail after the commit.

        Wagtail's ``EmailFormMixin`` would send the e-mail here, inside the request: a mail server
        that hangs would hold the reporter, one that fails would answer 500. The task worker sends
        it once the report is safely stored.
        """
        for name in (HONEYPOT, TOKEN):
            form.cleaned_data.pop(name, None)
        submission = FormMixin.process_form_submission(self, form)
        if self.to_address:
            from portal.tasks import send_report_email  # the tasks module imports this one's app

            transaction.on_commit(lambda: send_report_email.enqueue(submission.pk))
        return submission

    def send_report_email(self, submission):
        """Called by the worker: the stored answers, sensitive ones left out, to ``to_address``."""
        addresses = [address.strip() for address in self.to_address.split(",")]
        send_mail(self.subject, self.render_report_email(submission), self.from_address or None, addresses)

    def render_report_email(self, submission):
        from portal import reports

        data = submission.get_data()
        sensitive = reports.sensitive_names(self)
        lines = []
        for name, label in self.get_data_fields():
            if name == "submit_time":
                continue
            value = data.get(name)
            value = ", ".join(value) if isinstance(value, list) else "" if value is None else str(value)
            if name in sensitive:
                value = _("(left out: see the report in the admin)")
            lines.append(f"{label}: {reports.mask(str(value))}")
        return "\n".join(lines)
