"""Reading a pasted text message or chat for the marks of a scam (``/check/``, ``/api/check/``).

A visitor pastes what they were sent; the check lists each mark it finds and what the mark means.
It reuses the review's reading of content:

* the text is normalised (``review.text``: full-width characters, traditional characters,
  invisible characters, spaced-out phrases) and split into sentences (``review.sentences``);
* promised returns are the reviewers' ``ClaimRule`` phrases and patterns (``review.claims``), so a
  phrase reviewers add to the dictionary is found in pasted messages too;
* the other marks are the lines scams are made of, in both languages (``CUES``): urgency,
  refund-agent lines, requests for a code, for a transfer, for remote control of the phone;
* every phone number (``review.phones``) and every web address not on the official list, and
  those reviewers marked as reported, are marks of their own.

Only the sentence-embedding model of the review is left out: it loads and trains for seconds and
belongs to the admin and the task worker, never to the public request path (``review.classifier``).

It never says a message is safe: finding no mark means only that none of these were found.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .checks import SHORTENER_DOMAINS
from .claims import claim_pattern, rule_hits
from .models import ClaimRule
from .phones import find_phone_numbers
from .sentences import sentences
from .text import normalise

# A web address in running text: with a scheme, or a host name with a known-looking ending.
LINK = re.compile(r"(?:https?://|www\.)[^\s\"'<>，。！？]+|(?<![\w@.])(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/[^\s\"'<>，。！？]*)?",
                  re.IGNORECASE)

# kind: (label, what it means), shown with each finding; the kinds are also the API's.
MARKS = {
    "promised_return": (_("Promised returns"), _(
        "No genuine insurer or bank promises that you cannot lose or guarantees a return. "
        "Promised profits are the bait of investment scams and illegal fund-raising.")),
    "urgency": (_("Pressure to act now"), _(
        "Scammers give you no time to think or to ask anyone. A genuine firm lets you take your time and call back.")),
    "refund_agent": (_("Refund-agent line"), _(
        "So-called refund agents promise to get all your premiums back for a fee. Cancelling a policy is free at "
        "our counters and on the official hotline; the agents take the fee and your personal data.")),
    "code_request": (_("Asks for a code or password"), _(
        "Nobody genuine ever asks for a verification code, a password or a PIN. Whoever has the code can take your money.")),
    "transfer_request": (_("Asks you to pay or transfer money"), _(
        "No genuine firm asks you to move money to a \"safe account\" or to pay a fee in advance. Do not pay.")),
    "remote_control": (_("Asks you to install an app or share your screen"), _(
        "Screen sharing and remote-control apps let a scammer see your codes and use your bank app.")),
    "unofficial_phone": (_("A phone number that is not ours"), _(
        "This number is not on our list of official channels. Do not call it back: call an official number yourself.")),
    "unknown_link": (_("A link to a site that is not ours"), _(
        "This address is not one of our official websites. Do not open it or sign in there.")),
    "unofficial_account": (_("An account that is not ours"), _(
        "This name is not one of our official accounts. Fake accounts copy our name and logo.")),
    "look_alike": (_("Imitates one of our channels"), _(
        "It looks like our %(value)s but is not the same. Fraudsters imitate official numbers and addresses.")),
    "reported": (_("Reported as fraudulent"), _(
        "Our reviewers have marked this contact as used in scams.")),
}

CUES = {
    "urgency": r"立即|立刻|马上|尽快|赶紧|今天(内|之内)?|\d+\s*(小时|分钟)内|限时|逾期|过期|最后一天|否则|冻结|停售"
               r"|urgent|immediately|right now|within \d+ (hours?|minutes?)|today only|last chance|expires?|"
               r"or (else|your account)|suspended|frozen|act now",
    "refund_agent": r"退保|代理退保|维权|全额退|退还(全部)?保费|refund (agent|your premiums?)|get (all )?your premiums? back"
                    r"|cancel (your|the) policy|policy refund",
    "code_request": r"验证码|校验码|动态码|密码|口令|verification code|one-time code|security code|password|\bpin\b|\botp\b",
    "transfer_request": r"转账|汇款|打款|转到|安全账户|保证金|手续费|解冻费|垫付|付款|缴纳|交纳"
                        r"|transfer|wire|safe account|deposit|(pay|a) (a )?fee|send (the )?money|pay now",
    "remote_control": r"屏幕共享|共享屏幕|远程|下载.{0,6}(app|软件)|安装.{0,6}(app|软件)|会议号"
                      r"|share (your )?screen|screen shar|remote (access|control)|install (the |this |an? )?app"
                      r"|download (the |this |an? )?app",
}
CUE_PATTERNS = {kind: re.compile(pattern, re.IGNORECASE) for kind, pattern in CUES.items()}
REFUND = CUE_PATTERNS["refund_agent"]


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str  # what was found: the phrase, number or address, as written
    meaning: str = ""  # overrides the kind's general meaning (a claim rule's own explanation, a reported note)
    report: object = None  # the ``ReportedContact``, for a "reported" mark

    @property
    def label(self):
        return MARKS[self.kind][0]

    @property
    def explanation(self):
        return self.meaning or MARKS[self.kind][1]

    def as_dict(self):
        return {"kind": self.kind, "text": self.text, "label": str(self.label), "meaning": str(self.explanation)}


# Marks about one contact each: every number or link found is listed on its own.
CONTACT_MARKS = {"unofficial_phone", "unknown_link", "reported"}


def claim_findings(parts, language):
    """Promised returns (and refund-agent promises) from the reviewers' claim dictionary.

    Each with the mark's own meaning: a rule's explanation is written for editors ("do not promise…")."""
    rules = ClaimRule.objects.filter(language__in=[ClaimRule.Language.ANY, language])
    patterns = [(rule, claim_pattern(rule)) for rule in rules]
    for sentence in parts:
        for _rule, phrase, _quoted in rule_hits(patterns, sentence):
            yield Finding("refund_agent" if REFUND.search(phrase) else "promised_return", phrase)


def cue_findings(parts):
    for kind, pattern in CUE_PATTERNS.items():
        for sentence in parts:
            match = pattern.search(sentence.text)
            if match:
                yield Finding(kind, sentence.text)
                break  # one sentence per mark is enough to show what it looks like


def contact_findings(text, is_official, report_of, meaning_of):
    """Numbers and links not on the official list, and reported ones.

    ``is_official(kind, value)`` and ``report_of(kind, value)`` look a contact up (``review.contact_check``),
    ``meaning_of(report)`` words a report."""
    contacts = [("phone", number.text) for number in find_phone_numbers(text)]
    contacts += [("website", match.group().rstrip(".,;:!?)")) for match in LINK.finditer(text)]
    for kind, value in contacts:
        if kind == "phone" and not is_official(kind, value):
            yield Finding("unofficial_phone", value)
        elif kind == "website" and not is_official(kind, value):
            host = value.split("://")[-1].split("/")[0].lower()
            short = " " + str(_("It is a short link: you cannot see where it leads.")) if host in SHORTENER_DOMAINS else ""
            yield Finding("unknown_link", value, str(MARKS["unknown_link"][1]) + short)
        report = report_of(kind, value)
        if report is not None:
            yield Finding("reported", value, meaning_of(report), report)


def read_message(text, language, is_official, report_of, meaning_of):
    """The ``Finding`` list for a pasted message, in the order of ``MARKS``: each mark once, with its
    first example (a claim rule's phrase before a cue's sentence), and each contact once."""
    normalised = normalise(text)
    parts = sentences(normalised)
    found = [*claim_findings(parts, language), *cue_findings(parts),
             *contact_findings(normalised, is_official, report_of, meaning_of)]
    unique, marked = [], set()
    for finding in dict.fromkeys(found):
        if finding.kind not in CONTACT_MARKS:
            if finding.kind in marked:
                continue
            marked.add(finding.kind)
        unique.append(finding)
    order = list(MARKS)
    return sorted(unique, key=lambda finding: order.index(finding.kind))
