"""The public subscription pages. Each works without JavaScript and answers bad input with a 4xx.

* ``subscribe``: the form; a valid sign-up always gets the same "check your inbox" answer, whether
  the address is new, known or confirmed, and the same mail too: a known address gets a
  confirmation link, which updates its choices.
* ``confirm``: the confirmation link shows a button; the POST stores the subscription (link
  scanners that fetch every link in a mail do not confirm anything).
* ``manage``: change audiences or language, or delete the subscription.
* ``unsubscribe``: RFC 8058 one-click: a POST without cookie or CSRF token deletes it; a GET shows a button.
"""

import logging

from django.core.cache import cache
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from .forms import PURPOSE_NOTICE, ChoicesForm, SubscribeForm
from .mail import confirmation_message
from .models import Subscriber
from .tokens import manage_token, read_confirm_token, subscriber_for, well_signed

logger = logging.getLogger(__name__)
RATE = "10/h"  # sign-ups per client address
MAIL_INTERVAL = 10 * 60  # at most one confirmation mail per address in this many seconds


@never_cache
@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate=RATE, method="POST", block=True)
def subscribe(request):
    if request.method == "GET":
        if request.GET.get("sent") == "1":
            return render(request, "alerts/subscribe_sent.html")
        form = SubscribeForm(initial={"language": translation.get_language()})
        return render(request, "alerts/subscribe.html", {"form": form, "notice": PURPOSE_NOTICE})
    form = SubscribeForm(request.POST)
    if form.is_spam():
        return redirect(request.path + "?sent=1")  # a bot learns nothing
    if not form.is_valid():
        return render(request, "alerts/subscribe.html", {"form": form, "notice": PURPOSE_NOTICE}, status=400)
    data = form.cleaned_data
    email = Subscriber._meta.get_field("email").to_python(data["email"]).strip().lower()
    if cache.add(f"alerts:confirm-mail:{email}", True, MAIL_INTERVAL):
        message = confirmation_message(email, data["language"], sorted(data["audiences"]) or None,
                                       timezone.now().isoformat())
        try:
            message.send()
        except Exception:  # the mail server is down: the visitor can ask again later, nothing is stored
            cache.delete(f"alerts:confirm-mail:{email}")
            logger.exception("Could not send a subscription confirmation")
    return redirect(request.path + "?sent=1")


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    signup = read_confirm_token(token)
    if signup is None or signup["l"] not in dict(ChoicesForm.base_fields["language"].choices):
        return render(request, "alerts/subscription_link_invalid.html", status=400)
    if request.method == "GET":
        return render(request, "alerts/subscription_confirm.html", {"email": signup["e"]})
    with transaction.atomic():
        subscriber, created = Subscriber.objects.select_for_update().get_or_create(
            email=signup["e"], defaults={"language": signup["l"]},
        )
        with translation.override(signup["l"]):
            consent_text = str(PURPOSE_NOTICE)
        subscriber.language = signup["l"]
        subscriber.confirmed_at = subscriber.confirmed_at or timezone.now()
        subscriber.consent_text = consent_text
        subscriber.consent_at = timezone.now()
        subscriber.save()
        subscriber.set_audiences(signup["a"] or [])
    return render(request, "alerts/subscription_done.html",
                  {"confirmed": True, "manage_token": manage_token(subscriber)})


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request, token):
    subscriber = subscriber_for(token)
    if subscriber is None:
        return render(request, "alerts/subscription_link_invalid.html", status=404)
    if request.method == "POST" and "delete" in request.POST:
        subscriber.delete()
        return render(request, "alerts/subscription_done.html", {"deleted": True})
    initial = {"language": subscriber.language, "audiences": [] if subscriber.all_audiences else subscriber.audience_slugs}
    form = ChoicesForm(request.POST if request.method == "POST" else None, initial=initial)
    if form.is_bound:
        if not form.is_valid():
            return render(request, "alerts/subscription_manage.html", {"form": form, "subscriber": subscriber},
                          status=400)
        subscriber.language = form.cleaned_data["language"]
        subscriber.save(update_fields=["language"])
        subscriber.set_audiences(form.cleaned_data["audiences"])
        return render(request, "alerts/subscription_done.html", {"updated": True, "manage_token": token})
    return render(request, "alerts/subscription_manage.html", {"form": form, "subscriber": subscriber})


@never_cache
@csrf_exempt  # RFC 8058: the mail client POSTs with no cookie and no token; the signed URL is the proof
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    subscriber = subscriber_for(token)
    if request.method == "GET":
        if subscriber is None:
            return render(request, "alerts/subscription_link_invalid.html", status=404)
        return render(request, "alerts/subscription_unsubscribe.html", {"token": token})
    if subscriber is not None:
        subscriber.delete()
    elif not well_signed(token):
        return render(request, "alerts/subscription_link_invalid.html", status=400)
    # Already gone is fine: a second one-click POST gets the same answer.
    return render(request, "alerts/subscription_done.html", {"deleted": True})

