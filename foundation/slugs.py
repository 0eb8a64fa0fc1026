"""Short, readable slugs for Chinese titles: pinyin instead of a percent-encoded title.

Wagtail fills in an empty slug from the title, and its admin (the ``w-slug`` controller) fills in
the slug field as the editor types, both keeping Chinese characters (``WAGTAIL_ALLOW_UNICODE_SLUGS``):
in a URL each one becomes nine characters (``%E7%94%B5``), so a 20-character title makes a
170-character link nobody can read out or type. ``ContentPage.full_clean`` takes a slug that is
empty or just the title as the admin wrote it, on a page not yet published (a live URL never
changes behind the editor's back), and writes the title in pinyin instead (``pypinyin``, which reads
银行 as *yin hang*, not *yin xing*): at most ``MAX_LENGTH`` characters, cut between syllables, and
unique among the page's siblings as Wagtail requires. A slug the editor typed is kept.
See https://docs.wagtail.org/en/stable/reference/settings.html#wagtail-allow-unicode-slugs
"""

from django.utils.text import slugify
from pypinyin import lazy_pinyin

MAX_LENGTH = 50


def shorten(slug, max_length):
    """``slug`` cut to ``max_length`` between words (syllables), or inside the first word if it is longer."""
    if len(slug) <= max_length:
        return slug
    return slug[: max_length + 1].rsplit("-", 1)[0] if "-" in slug[:max_length] else slug[:max_length]


def readable_slug(title, max_length=MAX_LENGTH):
    """``title`` as an ASCII slug: Chinese in pinyin, one syllable per word; at most ``max_length`` characters."""
    return shorten(slugify(" ".join(lazy_pinyin(title))), max_length)


def is_automatic(slug, title):
    """Whether ``slug`` was left to the machine: empty, or the title as Wagtail's own slugify keeps it."""
    return not slug or (not slug.isascii() and slug == slugify(title, allow_unicode=True))


def unique_sibling_slug(page, base):
    """``base``, or ``base-2``, ``base-3``... (still at most ``MAX_LENGTH``): the first one no sibling has."""
    parent, candidate, number = page.get_parent(), base, 1
    while not page._slug_is_available(candidate, parent, page):
        number += 1
        suffix = f"-{number}"
        candidate = shorten(base, MAX_LENGTH - len(suffix)) + suffix
    return candidate
