"""“Is this contact official?” (``/check/?q=``): a phone number, website or account name checked
against the allow-list of official channels (``OfficialContact``).

Fraudsters call from numbers, and send links to sites, that look like ours. A visitor types what
they were contacted from, however they saw it written, and learns whether it is one of our
channels. The rules:

* **Normalise, then compare exactly.** Phone numbers lose spaces, dashes, full-width digits and a
  ``+86``/``0086`` prefix (``review.phones``, shared with the review's phone check).
  Websites are reduced to their host name: no scheme, user name, port, path or trailing dot, lower
  case, ``www.`` dropped, international names in their ASCII (IDNA/UTS 46) form, so
  ``HTTPS://WWW.Example-Insurance.cn/claims`` is ``example-insurance.cn``. Account names lose case,
  spaces and punctuation. Only an exact match is official: ``95512``, ``pingan-95511.com`` or
  ``example-insurance.cn.evil.com`` are not.
* **Never call an unknown contact safe.** Anything not on the list gets a warning and what to do
  next (hang up, call the official hotline, call 96110). Near misses — a number one digit away from
  ours, a site or account that borrows our name or hotline — get an extra, sharper warning.
  Even a match comes with a caveat: caller ID can be faked, so call back on the official number.
* **Out of the access logs.** The form sends the query by POST (with CSRF), so the number or
  address a visitor checks is not written into the web server's and proxy's access logs with
  the URL; ``?q=`` in a link still works.
* **Hostile input.** The query is at most 200 characters, is never logged or stored, never reaches
  a database query (the allow-list is compared in Python) and is only echoed escaped. The view is
  rate limited per IP address (429) and its answers are never cached.
"""

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

import idna
from django import forms
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from .models import OfficialContact
from .phones import normalise_phone, normalise_text

PHONE, WEBSITE, ACCOUNT = OfficialContact.Kind.PHONE, OfficialContact.Kind.WEBSITE, OfficialContact.Kind.ACCOUNT
MAX_LENGTH = 200
RATE = "30/m"  # checks per IP address
PHONE_LIKE = re.compile(r"[+\d\s\-.()]*\d{3}[+\d\s\-.()]*")
WEBSITE_LIKE = re.compile(r"\S*[.。．｡]\S+|\S+://\S*")


def normalise_website(value):
    """The comparable host name of a web address, or "" when there is none."""
    text = unicodedata.normalize("NFKC", value).strip()
    if "://" not in text:
        text = "//" + text  # so that the host is read as a host, not as a path
    try:
        host = urlsplit(text).hostname or ""
        host = idna.encode(host.rstrip(".。"), uts46=True).decode("ascii") if host else ""
    except (ValueError, UnicodeError):  # idna.IDNAError is a UnicodeError
        return ""
    return host.removeprefix("www.")


def normalise_account(value):
    """An account name without case, spaces or punctuation: "Example Insurance·客服" → "exampleinsurance客服"."""
    text = unicodedata.normalize("NFKC", value).casefold()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


NORMALISERS = {PHONE: normalise_phone, WEBSITE: normalise_website, ACCOUNT: normalise_account}


def kind_of(query):
    """What the visitor most likely typed: a phone number, a website or an account name."""
    text = normalise_text(query).strip()
    if PHONE_LIKE.fullmatch(text):
        return PHONE
    if WEBSITE_LIKE.fullmatch(text):
        return WEBSITE
    return ACCOUNT


def within_one_edit(a, b):
    """True when ``a`` and ``b`` differ by exactly one inserted, deleted or changed character."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return a[i + 1:] == b[i + 1:] if len(a) == len(b) else a[i:] == b[i + 1:]
    return True  # b is a with one more character at the end


def looks_like(kind, normalised, contact):
    """Whether ``normalised`` (a query of ``kind`` that is not official) imitates ``contact``."""
    official = NORMALISERS[contact.kind](contact.value)
    if not official or not normalised:
        return False
    if contact.kind == PHONE:
        if kind == PHONE:  # 95512, 955110
            longer = official in normalised and len(normalised) <= len(official) + 4
            return longer or within_one_edit(normalised, official)
        return official in re.sub(r"\D", "", normalised)  # a site or account carrying our number: pingan-95511.com
    if kind != contact.kind:
        return False
    if kind == WEBSITE:  # example-insurance.cn.evil.com, examp1e-insurance.cn
        label = official.split(".")[0]
        return (len(label) >= 4 and label in normalised) or within_one_edit(normalised, official)
    return official in normalised or normalised in official or within_one_edit(normalised, official)


@dataclass(frozen=True)
class CheckResult:
    query: str
    official: OfficialContact | None  # the matching official channel
    look_alike: OfficialContact | None  # the official channel it imitates, when it is not one


def matches(kind, query, contact):
    """Whether ``query`` (looking like ``kind``) is ``contact``, both normalised for the contact's kind."""
    if contact.kind == PHONE and kind != PHONE:
        return False  # digits picked out of a web address or a name are not a phone number
    normalised = NORMALISERS[contact.kind](query)
    return bool(normalised) and normalised == NORMALISERS[contact.kind](contact.value)


def check_contact(query, contacts):
    """Compare ``query`` with the official ``contacts``; see the module's rules."""
    kind = kind_of(query)
    official = next((contact for contact in contacts if matches(kind, query, contact)), None)
    look_alike = None
    if official is None:
        normalised = NORMALISERS[kind](query)
        look_alike = next((contact for contact in contacts if looks_like(kind, normalised, contact)), None)
    return CheckResult(query=query, official=official, look_alike=look_alike)


class ContactCheckForm(forms.Form):
    q = forms.CharField(
        label=_("Phone number, website or account name"), max_length=MAX_LENGTH, strip=True,
        help_text=_("Type it exactly as you saw it, for example 95511, www.example.cn or an account name."),
    )


@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(key="ip", rate=RATE, block=True)
def contact_check(request):
    """The check page: a form (POST, no JavaScript needed) and, once asked, the answer."""
    data = request.POST if request.method == "POST" else request.GET
    form = ContactCheckForm(data if "q" in data else None)
    contacts = list(OfficialContact.objects.filter(locale__language_code=translation.get_language()))
    result = check_contact(form.cleaned_data["q"], contacts) if form.is_valid() else None
    status = 400 if form.is_bound and not form.is_valid() else 200
    context = {"form": form, "result": result, "contacts": contacts}
    response = render(request, "review/contact_check.html", context, status=status)
    if form.is_bound:
        add_never_cache_headers(response)  # answers are per query: never kept by a browser, proxy or the page cache
    return response
