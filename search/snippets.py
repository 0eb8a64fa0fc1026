"""Highlighted snippets for the database search: the query's terms marked in the stored text.

The engine's highlighter does this from its index; here the terms (``search.tokens``) are found
again in the text as written. Overlapping Chinese pairs join up (退保 and 保骗 mark 退保骗 as
one), and a word is marked whole when a query word begins it, as it matched.
"""

import re

from django.utils.html import escape

FRAGMENT_SIZE = 120
LEAD = 30  # characters of context shown before the first mark of a fragment


def _pattern(terms):
    alternatives = [
        re.escape(term) + (r"(?![0-9])" if term.isdigit() else r"[a-z0-9]*" if term.isascii() else "")
        for term in sorted(terms, key=len, reverse=True)
    ]
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(alternatives) + ")" if alternatives else r"(?!)", re.IGNORECASE)


def _spans(text, terms):
    """Marked (start, end) spans, overlapping or touching ones merged."""
    spans = []
    pattern = _pattern(terms)
    position = 0
    while (match := pattern.search(text, position)) is not None:
        start, end = match.span()
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
        position = start + 1  # one character on, so the next Chinese pair may overlap this one
    return spans


def _render(text, start, end, spans):
    parts, cursor = [], start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        parts += [escape(text[cursor:span_start]), "<mark>", escape(text[span_start:span_end]), "</mark>"]
        cursor = span_end
    parts.append(escape(text[cursor:end]))
    return "".join(parts)


def _word_start(text, start, limit):
    """``start`` moved past a cut word, so a fragment does not begin with half of one."""
    if start == 0 or not text[start - 1].isascii() or not text[start - 1].isalnum():
        return start
    space = text.find(" ", start, limit)
    return space + 1 if space != -1 else start


def highlight(texts, terms, number=2):
    """Up to ``number`` HTML fragments of ``texts`` (tried in order) with ``terms`` in ``<mark>``."""
    fragments = []
    for text in texts:
        spans, covered = _spans(text, terms), 0
        for span_start, _span_end in spans:
            if len(fragments) == number:
                return fragments
            if span_start < covered:
                continue
            start = _word_start(text, max(0, span_start - LEAD), span_start)
            covered = min(len(text), start + FRAGMENT_SIZE)
            fragment = _render(text, start, covered, spans)
            if fragment not in fragments:  # a summary repeated in the body is shown once
                fragments.append(fragment)
    return fragments
