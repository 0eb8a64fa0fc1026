"""Shareable posters: a 1080×1920 PNG for a page or an alert, with a QR code that leads back to it.

Outreach staff print posters for community talks and send them to chat groups, so a poster must
stand on its own: a label, who it is for, the title, a short summary, the official hotlines, and a
QR code of the page's public address (``foundation.sharing.absolute_url``). It is drawn with Pillow;
the QR code comes from segno. Pages get it at ``<page url>poster.png`` through ``PosterMixin``
(articles, films, campaigns); alerts at ``/alerts/<id>/poster.png`` (``alerts.AlertIndexPage``).

Hotlines. Which numbers are official is the review's knowledge (``review.OfficialContact``, a
layer above): it answers the ``register_poster_hotlines`` Wagtail hook with ``[(name, number)]``
for a language, and the poster prints the first few.

Fonts. Chinese needs a CJK font. One is looked for at run time among the files of Debian's packages
(``fonts-noto-cjk``, ``fonts-wqy-microhei``, ``fonts-wqy-zenhei``; ``scripts/poster-deps`` installs
one). Without one, the poster URL answers 503 with a clear message and the log says what to install,
instead of drawing empty boxes.

Caching. Drawing takes a moment, so the PNG is cached under a digest of everything drawn on it
(``PosterContent``): republishing a page with a new title or summary, changing a hotline or moving
the page gives a new digest and so a new poster, while unchanged content keeps its cached one.
"""

import hashlib
import io
import json
import logging
import re
from dataclasses import asdict, dataclass
from functools import lru_cache, partial
from pathlib import Path

import segno
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont
from wagtail import hooks
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from .sharing import POSTER_SIZE, absolute_url

logger = logging.getLogger(__name__)

LAYOUT_VERSION = 1  # part of the cache key: bump it when the drawing changes
CACHE_SECONDS = 7 * 24 * 60 * 60
BROWSER_CACHE_SECONDS = 5 * 60  # short: the same URL shows a new poster after a republish

FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts")
# (regular, bold) file names of CJK fonts in Debian's packages, best first; None = no bold face.
FONT_FILES = [
    ("NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"),  # fonts-noto-cjk
    ("wqy-microhei.ttc", None),  # fonts-wqy-microhei
    ("wqy-zenhei.ttc", None),  # fonts-wqy-zenhei
    ("NotoSerifCJK-Regular.ttc", "NotoSerifCJK-Bold.ttc"),  # fonts-noto-cjk (serif only)
]

WIDTH, HEIGHT = POSTER_SIZE
MARGIN = 80
BRAND, BRAND_DARK, ACCENT, INK, SOFT = "#0b3d91", "#072a66", "#b3261e", "#1a1a1a", "#eef3fb"
QR_SIZE = 400
MAX_HOTLINES = 3
HOTLINES_HOOK = "register_poster_hotlines"

# Line breaking: CJK characters may break anywhere, other words only at spaces; closing
# punctuation never starts a line and opening punctuation never ends one.
CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
TOKEN = re.compile(rf"[{CJK}]|[^\s{CJK}]+\s*|\s+")
NO_LINE_START = set("，。、；：！？）》」』”’,.;:!?)…%")
NO_LINE_END = set("（《「『“‘(")


class NoCJKFont(Exception):
    """No CJK font is installed, so Chinese text cannot be drawn."""


@dataclass(frozen=True)
class PosterContent:
    """Everything drawn on a poster; its digest is the cache key."""

    language: str
    url: str  # absolute: what the QR code says
    title: str
    summary: str = ""
    label: str = ""  # the kind of content or an alert's severity
    badges: tuple = ()  # audience names
    hotlines: tuple = ()  # (name, number) pairs

    def fixed_texts(self):
        with translation.override(self.language):
            return {
                "site": str(settings.WAGTAIL_SITE_NAME),
                "hotlines": _("Official hotlines"),
                "scan": _("Scan to open this page"),
                "motto": _("Don't listen, don't believe, don't transfer"),
            }

    def digest(self):
        data = {**asdict(self), "texts": self.fixed_texts(), "layout": LAYOUT_VERSION}
        return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def hotlines(language):
    """``[(name, number)]`` of the official hotlines to print, from the ``register_poster_hotlines`` hook."""
    return [line for lookup in hooks.get_hooks(HOTLINES_HOOK) for line in lookup(language)][:MAX_HOTLINES]


def poster_content(*, language, url, title, summary="", label="", badges=()):
    """A ``PosterContent`` for a public URL path, with the language's official hotlines."""
    with translation.override(language):  # labels such as a kind or a severity are translated lazily
        return PosterContent(
            language=language, url=absolute_url(url), title=title, summary=summary, label=str(label),
            badges=tuple(str(badge) for badge in badges), hotlines=tuple(hotlines(language)),
        )


class PosterMixin(RoutablePageMixin):
    """Gives a page type a poster at ``<page url>poster.png`` and a ``poster_url`` for its templates.

    Wagtail's page URLs have no dots, so ``portal.page_files`` maps ``…/poster.png`` onto the
    ``poster.png/`` sub-route declared here (see ``RoutablePageMixin``).
    """

    @path("poster.png/", name="poster")
    def poster_route(self, request):
        return poster_response(request, self.poster_content())

    def poster_content(self):
        return poster_content(
            language=self.language_code, url=self.url, title=self.title, summary=self.summary,
            label=self.listing_label, badges=[audience.name for audience in self.audience_list()],
        )

    @property
    def poster_url(self):
        return self.url + "poster.png"


def poster_response(request, content):
    """The poster PNG for ``content``, from the cache when already drawn; 503 without a CJK font."""
    key = f"portal:poster:{content.digest()}"
    png = cache.get(key)
    if png is None:
        try:
            png = render_poster(content)
        except NoCJKFont:
            logger.error("No CJK font for posters: apt-get install fonts-noto-cjk (or run scripts/poster-deps)")
            response = render(request, "foundation/poster_unavailable.html", status=503)
            response["Retry-After"] = "3600"
            return response
        cache.set(key, png, CACHE_SECONDS)
    response = HttpResponse(png, content_type="image/png")
    patch_cache_control(response, public=True, max_age=BROWSER_CACHE_SECONDS)
    return response


# --- fonts and text -----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def find_fonts():
    """``(regular path, bold path)`` of the best CJK font installed, or None (looked up once per process)."""
    installed = {}
    for directory in FONT_DIRS:
        if Path(directory).is_dir():
            for file in Path(directory).rglob("*.tt[cf]"):
                installed.setdefault(file.name, str(file))
    for regular, bold in FONT_FILES:
        if regular in installed:
            return installed[regular], installed.get(bold, installed[regular])
    return None


@lru_cache(maxsize=64)
def load_font(path, size, chinese=True):
    """The font at ``path``. In a collection (.ttc) Chinese text takes the Simplified Chinese face;
    other text the first face, whose quotes and punctuation are proportional, not full-width."""
    for index in range(10 if chinese else 0):
        try:
            font = ImageFont.truetype(path, size, index=index)
        except OSError:
            break
        if font.getname()[0].endswith(" SC"):
            return font
    return ImageFont.truetype(path, size)


def _tokens(text):
    tokens = []
    for token in TOKEN.findall(" ".join(text.split())):
        if tokens and (token[0] in NO_LINE_START or tokens[-1][-1] in NO_LINE_END):
            tokens[-1] += token
        else:
            tokens.append(token)
    return tokens


def wrap(text, font, width, max_lines):
    """``text`` broken into at most ``max_lines`` lines of ``width`` pixels; "…" ends a cut text."""
    lines = [""]
    for token in _tokens(text):
        if font.getlength((lines[-1] + token).rstrip()) <= width:
            lines[-1] += token
        elif font.getlength(token.rstrip()) <= width:
            lines.append(token.lstrip())
        else:  # a word longer than a line: break it anywhere
            for char in token:
                if font.getlength(lines[-1] + char) > width:
                    lines.append("")
                lines[-1] += char
    lines = [line.rstrip() for line in lines if line.strip()]
    if len(lines) > max_lines:
        lines, last = lines[:max_lines], lines[max_lines - 1]
        while last and font.getlength(last + "…") > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines


# --- drawing ------------------------------------------------------------------------------------------


def render_poster(content):
    """Draw ``content`` and return the PNG bytes. Raises ``NoCJKFont`` without a CJK font."""
    fonts = find_fonts()
    if fonts is None:
        raise NoCJKFont
    chinese = content.language.startswith("zh")
    regular, bold = (partial(load_font, path, chinese=chinese) for path in fonts)
    texts = content.fixed_texts()
    image = Image.new("RGB", POSTER_SIZE, "white")
    draw = ImageDraw.Draw(image)

    # Header and footer bands.
    draw.rectangle((0, 0, WIDTH, 200), fill=BRAND)
    draw.text((MARGIN, 100), texts["site"], font=bold(52), fill="white", anchor="lm")
    draw.rectangle((0, HEIGHT - 140, WIDTH, HEIGHT), fill=BRAND_DARK)
    draw.text((WIDTH // 2, HEIGHT - 70), texts["motto"], font=bold(40), fill="white", anchor="mm")

    # Bottom up: the QR code with its caption, and the hotlines above it.
    qr_top = HEIGHT - 140 - 72 - QR_SIZE
    draw_qr(image, content.url, qr_top)
    draw.text((WIDTH // 2, qr_top + QR_SIZE + 36), texts["scan"], font=regular(36), fill=INK, anchor="mm")
    content_bottom = draw_hotlines(draw, content.hotlines, texts["hotlines"], regular, bold, qr_top - 40) - 40

    # Top down: label, audience badges, title, summary (as many lines as fit).
    y = 250
    if content.label:
        draw.text((MARGIN, y), content.label, font=bold(40), fill=ACCENT)
        y += 70
    y = draw_badges(draw, content.badges, regular(34), y) + 24
    # A long title is set smaller rather than cut: three lines large, else four lines smaller.
    for size, max_lines in ((76, 3), (62, 4)):
        title = wrap(content.title, bold(size), WIDTH - 2 * MARGIN, max_lines)
        if not title or not title[-1].endswith("…"):
            break
    for line in title:
        draw.text((MARGIN, y), line, font=bold(size), fill=BRAND_DARK)
        y += size * 4 // 3
    room = (content_bottom - y - 24) // 64
    if content.summary and room > 0:
        y += 24
        for line in wrap(content.summary, regular(42), WIDTH - 2 * MARGIN, room):
            draw.text((MARGIN, y), line, font=regular(42), fill=INK)
            y += 64

    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def draw_qr(image, url, top):
    """The QR code of ``url`` (error correction M), as large as fits in ``QR_SIZE``, centred."""
    qr = segno.make_qr(url, error="m")
    modules = qr.symbol_size(scale=1, border=4)[0]
    buffer = io.BytesIO()
    qr.save(buffer, kind="png", scale=max(1, QR_SIZE // modules), border=4)
    code = Image.open(buffer).convert("RGB")
    image.paste(code, ((WIDTH - code.width) // 2, top + (QR_SIZE - code.height) // 2))


def draw_hotlines(draw, hotlines, heading, regular, bold, bottom):
    """A box listing the hotlines, ending at ``bottom``; returns its top."""
    if not hotlines:
        return bottom
    top = bottom - 90 - 72 * len(hotlines)
    draw.rounded_rectangle((MARGIN, top, WIDTH - MARGIN, bottom), radius=24, fill=SOFT, outline=BRAND, width=3)
    draw.text((MARGIN + 40, top + 28), heading, font=bold(38), fill=BRAND_DARK)
    for number, (name, value) in enumerate(hotlines):
        y = top + 90 + 72 * number + 30
        draw.text((MARGIN + 40, y), value, font=bold(54), fill=ACCENT, anchor="lm")
        name_x = MARGIN + 80 + bold(54).getlength(value)
        name = (wrap(name, regular(34), WIDTH - MARGIN - 40 - name_x, 1) or [""])[0]
        draw.text((name_x, y), name, font=regular(34), fill=INK, anchor="lm")
    return top


def draw_badges(draw, badges, font, top):
    """Audience badges as rounded pills, wrapping onto more rows; returns the y below them."""
    if not badges:
        return top
    x, y, height = MARGIN, top, 56
    for badge in badges:
        width = font.getlength(badge) + 44
        if x + width > WIDTH - MARGIN and x > MARGIN:
            x, y = MARGIN, y + height + 14
        draw.rounded_rectangle((x, y, x + width, y + height), radius=height // 2, fill=SOFT, outline=BRAND, width=2)
        draw.text((x + width / 2, y + height / 2), badge, font=font, fill=BRAND_DARK, anchor="mm")
        x += width + 14
    return y + height
