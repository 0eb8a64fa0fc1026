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
* **A pasted message, too.** Text that is more than a contact (a sentence, a chat) is read for the
  marks of a scam (``review.message_check``); each mark is listed with what it means.
* **Reported contacts.** A contact reviewers marked as reported (``ReportedContact``) is shown as
  such, with the date and their note; a reported number or link inside a message is a mark.
* **Hostile input.** The query is at most 2,000 characters (more is a 400 with the reason), is
  never logged or stored (only a count per kind and day, ``CheckCount``), never reaches a database
  query (the lists are compared in Python) and is only echoed escaped. The views are rate limited
  per IP address (429) and their answers are never cached.
* **For partner apps.** ``/api/check/?q=`` gives the same answer as JSON (``check_api``).
"""

import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import idna
from django import forms
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import formats, translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited
from django_ratelimit.decorators import ratelimit

from foundation.ratelimit import allowing_more

from .message_check import MARKS, Finding, read_message
from .models import CheckCount, OfficialContact, ReportedContact
from .phones import find_phone_numbers, normalise_phone, normalise_text

PHONE, WEBSITE, ACCOUNT = OfficialContact.Kind.PHONE, OfficialContact.Kind.WEBSITE, OfficialContact.Kind.ACCOUNT
MESSAGE = "message"
MAX_LENGTH = 2000  # a long text message or a few lines of chat
CONTACT_LENGTH = 60  # longer than this, and it is read as a message
LIMIT = "30/m"  # checks per IP address (each view counts its own)
RATE = allowing_more(LIMIT)
SENTENCE = re.compile(r"[。，！？!?,;；\n]|[.:](?=\s)")
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
    """What the visitor most likely typed: a phone number, a website, an account name or a message."""
    text = normalise_text(query).strip()
    if PHONE_LIKE.fullmatch(text):
        return PHONE
    if WEBSITE_LIKE.fullmatch(text):
        return WEBSITE
    if len(text) > CONTACT_LENGTH or SENTENCE.search(text) or find_phone_numbers(text):
        return MESSAGE
    return ACCOUNT


def reported_kind_of(value):
    """The kind a contact copied from a report is filed under (a phone number, a website, else an account)."""
    kind = kind_of(value)
    return ACCOUNT if kind == MESSAGE else kind


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
    kind: str = ACCOUNT
    reported: ReportedContact | None = None  # reviewers marked it as used in scams
    findings: list = field(default_factory=list)  # ``message_check.Finding`` objects

    @property
    def is_message(self):
        return self.kind == MESSAGE

    def as_json(self):
        """The API's answer (``check_api``); ``official`` is false for a message: it is not a channel."""
        reported = [self.reported] if self.reported else [finding.report for finding in self.findings if finding.report]
        return {
            "kind": self.kind,
            "official": self.official is not None,
            "official_contact": {"name": self.official.name, "value": self.official.value} if self.official else None,
            "findings": [finding.as_dict() for finding in self.findings],
            "reports": [
                {"kind": report.kind, "value": report.value, "reported_on": report.reported_on.isoformat(), "note": report.note}
                for report in dict.fromkeys(reported)
            ],
        }


def matches(kind, query, contact):
    """Whether ``query`` (looking like ``kind``) is ``contact``, both normalised for the contact's kind."""
    if contact.kind == PHONE and kind != PHONE:
        return False  # digits picked out of a web address or a name are not a phone number
    normalised = NORMALISERS[contact.kind](query)
    return bool(normalised) and normalised == NORMALISERS[contact.kind](contact.value)


def first_match(kind, query, contacts):
    return next((contact for contact in contacts if matches(kind, query, contact)), None)


def reported_meaning(report):
    values = {"date": formats.date_format(report.reported_on, "DATE_FORMAT"), "note": report.note}
    if report.note:
        return gettext("Reported to us as fraudulent on %(date)s: %(note)s") % values
    return gettext("Reported to us as fraudulent on %(date)s.") % values


def contact_findings(kind, query, look_alike, reported):
    """The marks of a contact that is not official: not ours, imitating ours, reported."""
    not_ours = {PHONE: "unofficial_phone", WEBSITE: "unknown_link", ACCOUNT: "unofficial_account"}[kind]
    found = [Finding(not_ours, query)]
    if look_alike:
        found.append(Finding("look_alike", query, MARKS["look_alike"][1] % {"value": look_alike.value}))
    if reported:
        found.append(Finding("reported", query, reported_meaning(reported), reported))
    return found


def check_contact(query, contacts, reported=(), language="zh-hans"):
    """Compare ``query`` with the official ``contacts`` and the ``reported`` ones; see the module's rules."""
    kind = kind_of(query)
    if kind == MESSAGE:
        findings = read_message(
            query, language, is_official=lambda kind, value: first_match(kind, value, contacts),
            report_of=lambda kind, value: first_match(kind, value, reported), meaning_of=reported_meaning,
        )
        return CheckResult(query=query, official=None, look_alike=None, kind=kind, findings=findings)
    official = first_match(kind, query, contacts)
    if official is not None:
        return CheckResult(query=query, official=official, look_alike=None, kind=kind)
    normalised = NORMALISERS[kind](query)
    look_alike = next((contact for contact in contacts if looks_like(kind, normalised, contact)), None)
    report = first_match(kind, query, reported)
    return CheckResult(query=query, official=None, look_alike=look_alike, kind=kind, reported=report,
                       findings=contact_findings(kind, query, look_alike, report))


def official_contacts():
    return list(OfficialContact.objects.filter(locale__language_code=translation.get_language()))


def answer(query, contacts):
    """The check of ``query`` in the active language, counted (by kind only) and never stored."""
    result = check_contact(query, contacts, list(ReportedContact.objects.all()), translation.get_language())
    CheckCount.add_one(result.kind)
    return result


class ContactCheckForm(forms.Form):
    q = forms.CharField(
        label=_("Phone number, website, account name or message"), max_length=MAX_LENGTH, strip=True,
        help_text=_("Type the contact exactly as you saw it, for example 95511 or www.example.cn, or paste the "
                    "whole text message or chat (up to 2,000 characters)."),
        error_messages={
            "required": _("Type a phone number, website or account name, or paste a message."),
            "max_length": _("This is %(show_value)d characters long; the check reads at most %(limit_value)d. "
                            "Paste the part with the numbers, links and what they ask you to do."),
        },
        widget=forms.Textarea,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(key="ip", rate=RATE, block=True)
def contact_check(request):
    """The check page: a form (POST, no JavaScript needed) and, once asked, the answer."""
    data = request.POST if request.method == "POST" else request.GET
    form = ContactCheckForm(data if "q" in data else None)
    contacts = official_contacts()
    result = answer(form.cleaned_data["q"], contacts) if form.is_valid() else None
    status = 400 if form.is_bound and not form.is_valid() else 200
    context = {"form": form, "result": result, "contacts": contacts}
    response = render(request, "review/contact_check.html", context, status=status)
    if form.is_bound:
        add_never_cache_headers(response)  # answers are per query: never kept by a browser, proxy or the page cache
    return response


@require_http_methods(["GET", "HEAD"])
def check_api(request):
    """``/api/check/?q=``: the check's answer as JSON (``CheckResult.as_json``), for partner apps.

    Over the rate limit it answers 429 in JSON, with ``Retry-After``; a missing or too long query 400."""
    if is_ratelimited(request, group="review.check-api", key="ip", rate=RATE, increment=True):
        response = JsonResponse({"error": gettext("Too many checks from your address. Wait a minute and try again.")},
                                status=429)
        response["Retry-After"] = "60"
    else:
        form = ContactCheckForm(request.GET)
        if form.is_valid():
            response = JsonResponse(answer(form.cleaned_data["q"], official_contacts()).as_json())
        else:
            response = JsonResponse({"error": " ".join(form.errors["q"])}, status=400)
    add_never_cache_headers(response)
    return response
