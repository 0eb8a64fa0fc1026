"""Reviewers teach the pre-check: confirm a finding as misleading, or dismiss it.

Each finding on the checks panel links here (``review_tags.teach_url``). The finding is looked up
again by its fingerprint on the latest revision, so what gets stored is what the check said, not
what a form claims. Confirming stores the sentence as a labelled example of the kind it was found
as; dismissing stores it as a legitimate example and remembers not to raise it on this page again.
Both are written to the audit log (Reports → Site history); the new example retrains the
classifier in the task worker once it is committed (``review.signals``). Only users who may add labelled examples (reviewers, site
administrators) get here.
"""

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import BadRequest, PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.log_actions import log

from . import kinds
from .checks import run_checks
from .models import ClaimExample, DismissedFinding
from .sentences import CLAIM

CONFIRMED, DISMISSED = "review.finding_confirmed", "review.finding_dismissed"


class VerdictForm(forms.Form):
    verdict = forms.ChoiceField(choices=[("confirm", "confirm"), ("dismiss", "dismiss")])


def latest_version(content_type_id, object_id):
    """The page or snippet as its latest revision has it."""
    content_type = ContentType.objects.filter(pk=content_type_id).first()
    model = content_type.model_class() if content_type else None
    obj = model._default_manager.filter(pk=object_id).first() if model else None
    if obj is None:
        raise Http404
    latest = getattr(obj, "get_latest_revision_as_object", None)
    return latest() if latest else obj


def teach(request, content_type_id, object_id, fingerprint=""):
    if not request.user.has_perm("review.add_claimexample"):
        raise PermissionDenied
    obj = latest_version(content_type_id, object_id)
    issue = next((issue for issue in run_checks(obj).issues if issue.fingerprint and issue.fingerprint == fingerprint), None)
    if issue is None:
        raise Http404(_("This finding is no longer raised on the latest version."))
    edit_url = AdminURLFinder(request.user).get_edit_url(obj) or "/admin/"
    if request.method != "POST":
        return render(request, "review/teach.html", {"issue": issue, "object": obj, "edit_url": edit_url,
                                                      "kind_label": kinds.label_of(issue.kind)})
    form = VerdictForm(request.POST)
    if not form.is_valid():
        raise BadRequest(_("Choose to confirm or to dismiss the finding."))
    confirmed = form.cleaned_data["verdict"] == "confirm"
    with transaction.atomic():
        example = ClaimExample.objects.create(
            text=issue.sentence[:500], language=obj.locale.language_code, created_by=request.user,
            kind=issue.kind if confirmed else ("education" if issue.context == CLAIM else "warning"),
            explanation=_("Confirmed by a reviewer on “%(object)s”") % {"object": obj} if confirmed
            else _("Dismissed by a reviewer on “%(object)s”") % {"object": obj},
        )
        if not confirmed:
            DismissedFinding.objects.get_or_create(
                content_type_id=content_type_id, object_id=str(obj.pk), fingerprint=issue.fingerprint,
                defaults={"dismissed_by": request.user},
            )
        log(instance=example, action=CONFIRMED if confirmed else DISMISSED, user=request.user,
            data={"object": str(obj), "sentence": issue.sentence, "kind": issue.kind})
    messages.success(request, _("Thank you: the pre-check has learnt from this finding.") if confirmed
                     else _("Dismissed: this sentence will not be raised on this page again."))
    return redirect(edit_url)
