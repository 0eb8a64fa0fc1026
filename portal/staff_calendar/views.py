"""*Reports → Campaign calendar*: the entries of a month (or the coming weeks), filtered by kind and audience."""

import datetime

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from foundation.models import Audience

from .entries import Kind, calendar_entries
from .feed import feed_url, may_subscribe, reset_feed

UPCOMING_DAYS = 60
KIND = pgettext_lazy("campaign calendar", "Kind")  # not "Type" (the content type): both are 类型 in Wagtail's catalogue
YEARS = range(2000, 2100)


def month_span(first_day):
    """The first moment of a month and of the next, in the site's time zone."""
    following = (first_day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return [timezone.make_aware(datetime.datetime.combine(day, datetime.time.min)) for day in (first_day, following)]


def upcoming_span(days):
    """From the start of today for ``days`` days, in the site's time zone."""
    start = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time.min))
    return start, start + datetime.timedelta(days=days)


class CalendarFilterForm(forms.Form):
    month = forms.DateField(
        label=_("Month"), required=False, input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month", "placeholder": "2026-03"}, format="%Y-%m"),
        error_messages={"invalid": _("Enter a month as year and month, e.g. 2026-03.")},
    )
    kind = forms.ChoiceField(label=KIND, required=False, choices=[("", _("All kinds")), *Kind.choices])
    audience = forms.ChoiceField(label=_("Audience"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["month"].help_text = _("Year and month, e.g. 2026-03. Leave empty for the next %(days)s days.") % {
            "days": UPCOMING_DAYS}
        audiences = Audience.objects.filter(locale=Locale.get_active())
        self.fields["audience"].choices = [("", _("All audiences"))] + [(item.slug, item.name) for item in audiences]

    def clean_month(self):
        month = self.cleaned_data["month"]
        if month and month.year not in YEARS:
            raise forms.ValidationError(_("Choose a month between %(first)s and %(last)s.") % {
                "first": YEARS.start, "last": YEARS.stop - 1})
        return month

    def span(self):
        month = self.cleaned_data.get("month")
        return month_span(month) if month else upcoming_span(UPCOMING_DAYS)


class CalendarReportView(ReportView):
    """One row per campaign, activity, scheduled go-live or expiry and alert window (``entries``)."""

    page_title = _("Campaign calendar")
    header_icon = "calendar"
    template_name = "portal/staff_calendar/report.html"
    index_url_name = "staff_calendar"
    paginate_by = 100
    columns = [
        Column("when", label=_("When")),
        Column("kind_label", label=KIND),
        TitleColumn("title", label=_("Title"), get_url=lambda entry: entry.edit_url),
        Column("type_label", label=_("Content type")),
        Column("audience_names", label=_("Audiences")),
        Column("state", label=_("Workflow state")),
        Column("translation", label=_("English version")),
    ]

    def get(self, request, *args, **kwargs):
        self.form = CalendarFilterForm(request.GET)
        if self.form.is_valid():
            return super().get(request, *args, **kwargs)
        # A bad filter is the editor's typo: say which field, with the form, as a 400.
        self.object_list = []
        return self.render_to_response(self.get_context_data(), status=400)

    def get_queryset(self):
        since, until = self.form.span()
        data = self.form.cleaned_data
        return calendar_entries(self.request.user, since, until, kind=data["kind"], audience=data["audience"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(filter_form=self.form, feed_url=feed_url(self.request, user) if may_subscribe(user) else None)
        return context


@require_POST
def reset_feed_view(request):
    """The report page's "Reset link" button: a new feed URL, the old one 404 from now on."""
    reset_feed(request.user)
    messages.success(request, _("Your calendar link was reset. Subscribe again with the new link; the old one no longer works."))
    return redirect("staff_calendar")
