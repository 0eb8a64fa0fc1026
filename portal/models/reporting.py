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
* at most ``RATE`` submissions per IP address, then the friendly 429 page (django-ratelimit).

Invalid submissions answer 400 with the form and the messages in the visitor's language.
See https://docs.wagtail.org/en/stable/reference/contrib/forms/
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited
from django_ratelimit.exceptions import Ratelimited
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.contrib.forms.models import AbstractFormField, EmailFormMixin, FormMixin
from wagtail.fields import RichTextField
from wagtail.search import index

from foundation.form_tokens import SingleUseForm
from foundation.models import ContentPage

RATE = "5/10m"  # report submissions per IP address
HONEYPOT = "homepage_url"
TOKEN = "form_token"
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

    def clean(self):
        super().clean()
        if self.clean_name in (HONEYPOT, TOKEN) or self.get_field_clean_name() in (HONEYPOT, TOKEN):
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
        if request.method == "POST" and is_ratelimited(
            request, group="portal.report-form", key="ip", rate=RATE, method="POST", increment=True
        ):
            raise Ratelimited()
        response = super().serve(request, *args, **kwargs)
        form = getattr(response, "context_data", {}).get("form")
        if form is not None and form.is_bound:  # shown again, so it did not validate
            response.status_code = 400
        return response

    def process_form_submission(self, form):
        """Store (and e-mail) the editor's fields only, not the token or the honeypot."""
        for name in (HONEYPOT, TOKEN):
            form.cleaned_data.pop(name, None)
        return super().process_form_submission(form)
