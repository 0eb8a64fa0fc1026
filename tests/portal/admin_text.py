"""What an admin page says to its reader: its visible text, labels, and the labels inside its JSON.

``admin_strings(html)`` collects every string a person can read or hear on an admin page: text
nodes, the attributes that label or explain (``title``, ``aria-label``, ``placeholder``, ``alt``,
tooltips, button values) and the labels packed into the page's JSON, where Wagtail keeps the
StreamField block definitions (``data-w-block-data-value``) and the sidebar menu
(``<script type="application/json">``). ``english_words(text, exempt)`` then finds the English
left in them once content (titles, names: what editors wrote, not the interface) is taken out.
"""

import json
import re
from html.parser import HTMLParser

READ_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt", "data-w-tooltip-content-value", "data-label"}
JSON_ATTRIBUTES = {"data-w-block-data-value", "data-w-block-arguments-value"}
# Keys of packed JSON whose values are read by people (the rest are names, icons, URLs, classes).
JSON_TEXT_KEYS = {"label", "title", "help_text", "helpText", "groupName", "description", "placeholder", "text"}
SKIPPED_ELEMENTS = {"style", "textarea"}  # a textarea holds the content being edited

# Not English words to a Chinese reader: the product's name, formats and units, abbreviations
# that Chinese admin text uses as they are, and language endonyms in the language menu.
ALLOWED = {
    "wagtail", "english", "id", "url", "urls", "html", "api", "rss", "ics", "seo", "qr", "pdf", "jpg", "jpeg",
    "png", "gif", "webp", "avif", "svg", "heic", "ico", "px", "kb", "mb", "gb", "utc", "cst", "am", "pm", "vtt",
    "webvtt", "wecom", "dingtalk", "bilibili", "youtube", "vimeo", "youku", "ok", "csv", "xlsx", "tsv", "json",
    "mp", "webm", "app", "javascript", "ctrl", "alt", "shift", "esc", "cmd", "tab", "enter",
}
# Wagtail 8.0 writes these without gettext, so no catalogue can translate them: the hidden search
# button of ``wagtailadmin/home.html`` and ``shared/header.html``, and the locale filter of the
# choosers (``LocaleFilterMixin``: a form field with no label, named by Django from "locale").
UNTRANSLATABLE = {"Search", "Locale"}
WORD = re.compile(r"[A-Za-z][A-Za-z']+")
NOT_WORDS = re.compile(r"\S+@\S+|https?://\S+|(?<!\w)/[\w/.?=&%-]*|\b[\w-]+\.(?:jpg|jpeg|png|gif|webp|svg|pdf)\b")


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.strings, self.skipping, self.json_script, self.counter = [], 0, False, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in SKIPPED_ELEMENTS:
            self.skipping += 1
        # A side-panel counter's text is a number that scripts fill in; Wagtail renders "None" before.
        self.counter = "data-side-panel-toggle-counter" in attrs
        self.json_script = tag == "script" and attrs.get("type") == "application/json"
        if tag == "script" and not self.json_script:
            self.skipping += 1
        for name, value in attrs.items():
            if value and name in READ_ATTRIBUTES:
                self.strings.append(value)
            elif value and name in JSON_ATTRIBUTES:
                self.strings.extend(json_texts(json.loads(value)))
        if tag == "input" and attrs.get("type") in {"submit", "button"} and attrs.get("value"):
            self.strings.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in SKIPPED_ELEMENTS or (tag == "script" and not self.json_script):
            self.skipping = max(self.skipping - 1, 0)
        self.json_script = False

    def handle_data(self, data):
        if self.json_script and data.strip():
            self.strings.extend(json_texts(json.loads(data)))
        elif not self.skipping and not self.counter and data.strip():
            self.strings.append(data.strip())
        self.counter = False


def json_texts(value, key=None):
    """The human-read strings in packed JSON: values under ``JSON_TEXT_KEYS``, at any depth."""
    if isinstance(value, dict):
        return [text for k, v in value.items() for text in json_texts(v, k)]
    if isinstance(value, list):
        # Telepath packs positional arguments in lists: a string there is read if its key is.
        return [text for item in value for text in json_texts(item, key)]
    # A string holding JSON is a block's default value (rich text's Draftail data), not a label.
    if isinstance(value, str) and key in JSON_TEXT_KEYS and not value.lstrip().startswith(("{", "[")):
        return [value]
    return []


def admin_strings(html):
    reader = _Reader()
    reader.feed(html)
    return reader.strings


def english_words(text, exempt=()):
    """The English words left in ``text`` once ``exempt`` strings (content), addresses and allowed words are removed."""
    if text.strip() in UNTRANSLATABLE:
        return []
    for content in exempt:
        text = text.replace(content, " ")
    text = NOT_WORDS.sub(" ", text)
    return [word for word in WORD.findall(text) if word.lower() not in ALLOWED]
