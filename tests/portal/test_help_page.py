"""“I've just been contacted / I've been scammed”: the triage page, in both languages and both views."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Page

from alerts.models import FraudAlert
from portal.models import HelpPage
from review.models import OfficialContact

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language, path", [("zh-hans", "/help/"), ("en", "/en/help/")])
@pytest.mark.parametrize("view", ["standard", "large"])
def test_the_help_page_triages_by_situation_with_tap_to_call_numbers(client, page_of, language, path, view):
    page = page_of(HelpPage, language)
    assert page.url == path
    client.cookies["view"] = view
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    main = html.split('<main id="main"')[1].split("</main>")[0]
    assert ("view-large" in html) == (view == "large")
    situations = list(page.situations)
    assert len(situations) == 4
    for number, block in enumerate(situations, start=1):  # a table of contents of links to headed sections
        assert f'<a href="#situation-{number}">' in main
        assert f'id="situation-{number}"' in main and f'id="situation-{number}-heading"' in main
        assert block.value["steps"][0] in main or block.value["steps"][0].replace("“", "&ldquo;") in main
    for contact in OfficialContact.objects.filter(locale__language_code=language, kind="phone", show_in_footer=True):
        assert re.search(rf'<a class="button call-button" href="tel:{contact.value}">', main), contact.value
    assert 'href="#report"' in main and re.search(r'href="(/en)?/report/"', main)
    assert "<script" not in main  # nothing on it needs JavaScript


def test_the_english_page_speaks_of_each_situation(client):
    main = client.get("/en/help/").content.decode().split('<main id="main"')[1]
    for heading in ["A call or message right now", "I have already paid or transferred money",
                    "I gave my ID, card details or a code", "It happened to an older family member"]:
        assert heading in main
    assert "What to say" in main and "Never" in main


@pytest.mark.parametrize("path, link", [("/", "/help/"), ("/en/", "/en/help/"), ("/en/check/", "/en/help/")])
def test_the_footer_and_the_check_page_link_to_it(client, path, link):
    html = client.get(path).content.decode()
    assert f'href="{link}"' in html


def test_every_alert_links_to_it(client):
    alerts = FraudAlert.objects.published().filter(locale__language_code="en")
    assert alerts.exists()
    for alert in alerts:
        main = client.get(alert.url).content.decode().split('<main id="main"')[1].split("</main>")[0]
        assert 'href="/en/help/"' in main


def test_editors_maintain_the_situations_in_the_admin(page_of):
    client = Client()
    client.force_login(get_user_model().objects.get(username="editor"))
    page = page_of(HelpPage, "en")
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    home = Page.objects.get(pk=page.get_parent().pk)
    assert HelpPage in home.specific_class.allowed_subpage_models()
    assert HelpPage.listing_kind is None and page.listing_label == HelpPage._meta.verbose_name


def test_seed_demo_keeps_one_help_page_per_language():
    from django.core.management import call_command

    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert sorted(HelpPage.objects.values_list("locale__language_code", flat=True)) == ["en", "zh-hans"]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_demo_steps_pass_the_consumer_protection_pre_check(page_of, language):
    from review.checks import run_checks

    report = run_checks(page_of(HelpPage, language))
    assert not [issue.message for issue in report.issues if issue.level == "error"]
