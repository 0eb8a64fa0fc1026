"""Chinese is the default at "/", English at "/en/"; UI strings are translated in both."""

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_ui_strings_are_translated_into_chinese():
    with translation.override("zh-hans"):
        assert translation.gettext("Skip to main content") != "Skip to main content"
        assert translation.gettext("Search") != "Search"
        assert translation.gettext("Fraud alerts") != "Fraud alerts"


def test_chinese_and_english_chrome(client):
    zh = client.get("/").content.decode()
    en = client.get("/en/").content.decode()
    assert "Skip to main content" not in zh and "Skip to main content" in en
    assert '<html lang="zh-Hans">' in zh and '<html lang="en">' in en


def test_every_msgid_has_a_chinese_translation():
    from pathlib import Path

    po = (Path(__file__).resolve().parents[2] / "locale/zh_Hans/LC_MESSAGES/django.po").read_text()
    entries = po.split("\n\n")[1:]
    untranslated = [entry for entry in entries if 'msgstr ""' in entry and entry.rstrip().endswith('msgstr ""')]
    fuzzy = [entry for entry in entries if "#, fuzzy" in entry]
    assert not untranslated and not fuzzy


def test_english_home_links_back_to_chinese(client):
    html = client.get("/en/").content.decode()
    assert 'href="/" hreflang="zh-Hans"' in html
