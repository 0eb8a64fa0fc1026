"""Finding Chinese phone numbers in free text, however they are typed.

Fraudsters print fake hotlines, so the review flags every phone number that
is not an official contact. People write numbers in many ways — full-width
digits (９５５１１), spaced (9 5 5 1 1), dashed (400-820-8820), with a country
code (+86 10 1234 5678) — so text is normalised first (Unicode NFKC turns
full-width characters into ASCII) and digit groups joined by single spaces,
dashes or dots are read as one run.

A run counts as a phone number only if its digits have the shape of one:

* mobile: ``1[3-9]`` + 9 digits (138 0013 8000)
* 400/800 service numbers: 10 digits (400-820-8820)
* landline with area code: ``0`` + 9 to 11 digits (010-12345678, 0755-1234567)
* short service numbers: 5 digits starting 95, 96, 10 or 12 (95511, 96110, 10086, 12378)
* anything after an explicit non-Chinese country code (+1 415 555 0100)

Dates (2026-03-15), years, percentages, ID and card numbers and amounts
(12000 元, ¥12345) do not have these shapes or are excluded by the unit after
them. A run that is not a number as a whole is tried group by group, so
"95511 96110" finds both. Local numbers without an area code (8 digits) are
not flagged: they cannot be told from dates like 20260315.
"""

import re
import unicodedata
from typing import NamedTuple

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc"
# Digit groups separated by at most a few spaces, dashes or dots (one line only).
RUN = re.compile(r"(?<![0-9A-Za-z])(?:\+|00)?\d+(?:[ \t.\-]{1,3}\d+)*(?![0-9A-Za-z])")
# Words after (or before) a number that make it an amount or a count, not a phone number.
UNIT_AFTER = re.compile(
    r"\s*(?:元|万|亿|块|圆|%|人|名|户|份|次|件|岁|年|月|日|天|yuan|rmb|cny|usd|dollars?|people|percent)", re.IGNORECASE
)
UNIT_BEFORE = re.compile(r"(?:¥|\$|rmb|cny|usd)\s*$", re.IGNORECASE)
CHINESE_SHAPES = re.compile(r"1[3-9]\d{9}|[48]00\d{7}|0[1-9]\d{8,10}|(?:95|96|10|12)\d{3}")
MIN_FOREIGN_DIGITS = 7


class PhoneNumber(NamedTuple):
    text: str  # as written (after normalisation), for messages
    digits: str  # comparable form: see ``normalise_phone``


def normalise_text(text):
    """Full-width digits and signs to ASCII, dash variants to "-", brackets to spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate({ord(dash): "-" for dash in DASHES})
    return re.sub(r"[()]", " ", text)


def _digits_and_country(written):
    """Digits of ``written`` and its explicit country code (None when written without one)."""
    digits = re.sub(r"\D", "", written)
    international = written.startswith(("+", "00"))
    if written.startswith("00"):
        digits = digits[2:]
    if not international:
        return digits, None
    if digits.startswith("86"):
        return digits[2:], "86"
    return digits, "other"


def normalise_phone(value):
    """The comparable digits of a phone number: no separators, no +86, trunk 0 restored.

    "+86 10 1234 5678", "010-1234-5678" and "０１０１２３４５６７８" all give "01012345678".
    """
    digits, country = _digits_and_country(normalise_text(value).strip())
    if country == "86" and not CHINESE_SHAPES.fullmatch(digits):
        digits = "0" + digits  # +86 drops the landline trunk prefix
    return digits


def _is_phone(written):
    digits, country = _digits_and_country(written)
    if country == "other":
        return len(digits) >= MIN_FOREIGN_DIGITS
    if country == "86" and not CHINESE_SHAPES.fullmatch(digits):
        digits = "0" + digits
    return bool(CHINESE_SHAPES.fullmatch(digits))


def find_phone_numbers(text):
    """Every phone number written in ``text``, in order."""
    text = normalise_text(text)
    found = []
    for match in RUN.finditer(text):
        if UNIT_AFTER.match(text, match.end()) or UNIT_BEFORE.search(text, 0, match.start()):
            continue
        written = match.group()
        candidates = [written] if _is_phone(written) else re.split(r"[ \t.\-]+", written)
        found += [PhoneNumber(part, normalise_phone(part)) for part in candidates if _is_phone(part)]
    return found
