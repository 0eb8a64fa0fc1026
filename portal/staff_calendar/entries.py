"""The calendar's entries: what starts, ends, goes live or expires in a span of time, as one user may see it.

Five kinds, read from the models that hold the dates:

* campaigns (``CampaignPage.start_date``–``end_date``, whole days) and activities (``EventPage.start``–``end``);
* scheduled go-live: a revision approved for later (Wagtail's ``approved_go_live_at``), page or alert;
* scheduled expiry (``expire_at``), page or alert;
* an alert's window (``FraudAlert.active_from``–``active_until``; open-ended windows count at their start).

One row per piece of content: a translation whose source is in the default language is not listed
again, its source's row says whether the English version is live. A user sees the pages they may
add, edit or publish below, and alerts if they hold any permission on them: the same things the admin
lets them open.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale, Page, Revision
from wagtail.permission_policies.pages import PagePermissionPolicy

from alerts.models import FraudAlert
from campaigns.models import CampaignPage, EventPage
from foundation.models import Audience

from .states import english_version_ready, translation_label, workflow_state


class Kind(models.TextChoices):
    CAMPAIGN = "campaign", _("Campaign")
    EVENT = "event", _("Activity")
    GO_LIVE = "go-live", _("Scheduled go-live")
    EXPIRY = "expiry", _("Scheduled expiry")
    ALERT_WINDOW = "alert-window", _("Alert window")


class Entry:
    """One row of the calendar: ``obj`` (a page or an alert) and when; ``ends`` is None for a moment."""

    def __init__(self, kind, obj, starts, ends=None, all_day=False):
        self.kind, self.obj, self.starts, self.ends, self.all_day = kind, obj, starts, ends, all_day
        self.edit_url = None
        self.audience_names_by_slug = {}

    def within(self, since, until):
        if self.ends is None:
            return since <= self.starts < until
        return self.starts < until and self.ends > since

    @property
    def title(self):
        return str(self.obj.title)

    @property
    def kind_label(self):
        return Kind(self.kind).label

    @property
    def type_label(self):
        return self.obj._meta.verbose_name

    @cached_property
    def audiences(self):
        return list(self.obj.audiences.all()) if hasattr(self.obj, "audiences") else []

    @property
    def audience_names(self):
        """In the reader's language (the slug is shared by an audience's translations)."""
        return ", ".join(self.audience_names_by_slug.get(item.slug, item.name) for item in self.audiences)

    @cached_property
    def state(self):
        return workflow_state(self.obj)

    @cached_property
    def translation_ready(self):
        return english_version_ready(self.obj)

    @property
    def translation(self):
        return translation_label(self.translation_ready)

    @property
    def when(self):
        """The dates in the reader's language: whole days for campaigns, date and time otherwise."""
        if self.all_day:
            last_day = timezone.localtime(self.ends).date() - datetime.timedelta(days=1)
            days = [timezone.localtime(self.starts).date(), last_day]
            return " – ".join(dict.fromkeys(formats.date_format(day, "SHORT_DATE_FORMAT") for day in days))
        starts = timezone.localtime(self.starts)
        text = formats.date_format(starts, "SHORT_DATETIME_FORMAT")
        if self.ends is None:
            return text
        ends = timezone.localtime(self.ends)
        same_day = ends.date() == starts.date()
        return f"{text} – {formats.date_format(ends, 'TIME_FORMAT' if same_day else 'SHORT_DATETIME_FORMAT')}"

    @property
    def uid(self):
        return f"{self.kind}-{self.obj._meta.label_lower}-{self.obj.pk}"


def local_midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def one_row_per_content(queryset):
    """Drop translations whose source is in the default language (the source's row stands for both)."""
    default = Locale.get_default()
    sources = queryset.model._default_manager.filter(locale=default).values("translation_key")
    return queryset.filter(Q(locale=default) | ~Q(translation_key__in=sources))


def scheduled_ids(model, since, until):
    """``{object id: go-live time}`` of the revisions of ``model`` approved to go live in the span."""
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    revisions = Revision.objects.filter(
        base_content_type=content_type, approved_go_live_at__gte=since, approved_go_live_at__lt=until
    )
    return {int(object_id): moment for object_id, moment in revisions.values_list("object_id", "approved_go_live_at")}


def campaigns(pages, alerts, since, until):
    found = CampaignPage.objects.filter(
        pk__in=pages.values("pk"), start_date__lte=timezone.localtime(until).date(),
        end_date__gte=timezone.localtime(since).date() - datetime.timedelta(days=1),
    )
    for page in one_row_per_content(found).prefetch_related("audiences"):
        ends = local_midnight(page.end_date + datetime.timedelta(days=1))
        yield Entry(Kind.CAMPAIGN, page, local_midnight(page.start_date), ends, all_day=True)


def events(pages, alerts, since, until):
    found = EventPage.objects.filter(pk__in=pages.values("pk"), start__lt=until, end__gte=since)
    for page in one_row_per_content(found).prefetch_related("audiences"):
        yield Entry(Kind.EVENT, page, page.start, page.end)


def go_live(pages, alerts, since, until):
    page_times = scheduled_ids(Page, since, until)
    for page in one_row_per_content(pages.filter(pk__in=page_times)).specific():
        yield Entry(Kind.GO_LIVE, page, page_times[page.pk])
    alert_times = scheduled_ids(FraudAlert, since, until)
    for alert in one_row_per_content(alerts.filter(pk__in=alert_times)).prefetch_related("audiences"):
        yield Entry(Kind.GO_LIVE, alert, alert_times[alert.pk])


def expiry(pages, alerts, since, until):
    for queryset in (pages.specific(), alerts.prefetch_related("audiences")):
        for obj in one_row_per_content(queryset.filter(expire_at__gte=since, expire_at__lt=until)):
            yield Entry(Kind.EXPIRY, obj, obj.expire_at)


def alert_windows(pages, alerts, since, until):
    found = alerts.filter(active_from__lt=until).filter(
        Q(active_until__gte=since) | Q(active_until__isnull=True, active_from__gte=since)
    )
    for alert in one_row_per_content(found).prefetch_related("audiences"):
        yield Entry(Kind.ALERT_WINDOW, alert, alert.active_from, alert.active_until)


COLLECTORS = {
    Kind.CAMPAIGN: campaigns, Kind.EVENT: events, Kind.GO_LIVE: go_live, Kind.EXPIRY: expiry,
    Kind.ALERT_WINDOW: alert_windows,
}


def visible_pages(user):
    return PagePermissionPolicy().instances_user_has_any_permission_for(user, ["add", "change", "publish"])


def visible_alerts(user):
    policy = FraudAlert.snippet_viewset.permission_policy
    allowed = policy.user_has_any_permission(user, ["add", "change", "view", "publish"])
    return FraudAlert.objects.all() if allowed else FraudAlert.objects.none()


def calendar_entries(user, since, until, kind="", audience=""):
    """The entries ``user`` may see between ``since`` and ``until``, soonest first, each with its edit URL.

    ``kind`` is a ``Kind`` value, ``audience`` an audience slug (the same in every language); empty = all.
    """
    pages, alerts = visible_pages(user), visible_alerts(user)
    collectors = [COLLECTORS[kind]] if kind else COLLECTORS.values()
    entries = [entry for collect in collectors for entry in collect(pages, alerts, since, until)
               if entry.within(since, until)]
    if audience:
        entries = [entry for entry in entries if audience in {item.slug for item in entry.audiences}]
    finder = AdminURLFinder(user)
    names = dict(Audience.objects.filter(locale=Locale.get_active()).values_list("slug", "name"))
    for entry in entries:
        entry.edit_url = finder.get_edit_url(entry.obj)
        entry.audience_names_by_slug = names
    return sorted(entries, key=lambda entry: (entry.starts, entry.title))
