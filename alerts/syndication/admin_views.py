"""The admin's view of syndication: every alert's deliveries, one alert's timeline, retry and the checklist.

Who may do what (permissions granted by migration ``alerts.0004``):

* ``alerts.view_syndication`` (editors, reviewers, site administrators): see the timelines and tick
  the manual channels they posted on. No subscriber's address is ever shown here, only counts.
* ``alerts.retry_delivery`` (reviewers, site administrators): retry a failed delivery.
* Partner endpoints (their URLs and secrets) are a snippet for site administrators only.
"""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from foundation.sharing import absolute_url

from ..models import FraudAlert
from . import dispatch
from .models import Delivery, ManualPost, Syndication

VIEW = "alerts.view_syndication"
RETRY = "alerts.retry_delivery"


def _require(user, permission):
    if not user.has_perm(permission):
        raise PermissionDenied


def index(request):
    _require(request.user, VIEW)
    syndications = (Syndication.objects.select_related("alert__locale").prefetch_related("deliveries")
                    .order_by("-started_at")[:100])
    return TemplateResponse(request, "alerts/admin/syndication_index.html", {"syndications": syndications})


def paste_texts(alert):
    """Ready-to-paste text of the alert and of its translation, each in its own language, with the poster link."""
    texts = []
    for version in [alert] + list(alert.get_translations().filter(live=True).select_related("locale")):
        language = version.locale.language_code
        with translation.override(language):
            lines = [f"【{version.get_severity_display()}】{version.title}", version.summary]
            if version.html_url:
                lines.append(_("Read more: %(url)s") % {"url": version.html_url})
            texts.append({
                "language": language, "text": "\n".join(lines),
                "poster_url": absolute_url(version.poster_url) if version.poster_url else None,
            })
    return texts


def timeline(request, alert_id):
    _require(request.user, VIEW)
    alert = get_object_or_404(FraudAlert, pk=alert_id)
    syndication = Syndication.objects.filter(alert=alert).first()
    deliveries = list(syndication.deliveries.all()) if syndication else []
    manual = next((delivery for delivery in deliveries if delivery.channel == Delivery.Channel.MANUAL), None)
    context = {
        "alert": alert, "syndication": syndication,
        "deliveries": [delivery for delivery in deliveries if delivery.channel != Delivery.Channel.MANUAL],
        "manual_posts": list(manual.manual_posts.select_related("posted_by")) if manual else [],
        "paste_texts": paste_texts(alert), "can_retry": request.user.has_perm(RETRY),
    }
    return TemplateResponse(request, "alerts/admin/syndication_timeline.html", context)


@require_POST
def retry(request, delivery_id):
    _require(request.user, RETRY)
    delivery = get_object_or_404(Delivery, pk=delivery_id)
    if dispatch.retry(delivery):
        messages.success(request, _("The delivery is queued again."))
    else:
        messages.warning(request, _("Only a failed delivery can be retried."))
    return redirect("alert_syndication_timeline", delivery.syndication.alert_id)


@require_POST
def tick(request, post_id):
    _require(request.user, VIEW)
    post = get_object_or_404(ManualPost.objects.select_related("delivery__syndication"), pk=post_id)
    delivery = post.delivery
    if "undo" in request.POST:
        post.posted_by, post.posted_at, post.note = None, None, ""
    else:
        post.posted_by, post.posted_at = request.user, timezone.now()
        post.note = request.POST.get("note", "")[:300]
    post.save()
    done = delivery.manual_posts.filter(posted_at__isnull=False)
    delivery.sent = done.count()
    times = sorted(done.values_list("posted_at", flat=True))
    delivery.first_sent_at, delivery.last_sent_at = (times[0], times[-1]) if times else (None, None)
    delivery.state = Delivery.State.SENT if delivery.sent == delivery.total else Delivery.State.PENDING
    delivery.save()
    return redirect("alert_syndication_timeline", delivery.syndication.alert_id)


def failed_recently(days=7):
    since = timezone.now() - timedelta(days=days)
    return (Delivery.objects.filter(state=Delivery.State.FAILED, updated_at__gte=since)
            .select_related("syndication__alert").order_by("-updated_at"))
