"""The site-wide fraud-alert banner: the most severe active alert, in the visitor's language."""

import datetime

import pytest
from django.utils import timezone

from alerts.banner import alert_banner
from alerts.models import FraudAlert
from foundation import cache
from portal.models import StandardPage

pytestmark = pytest.mark.django_db


def banner_of(html):
    start = html.find('<div class="alert-banner')
    return html[start:html.find("</div>\n</div>", start)] if start != -1 else ""


@pytest.mark.parametrize("path, language", [("/", "zh-hans"), ("/en/", "en"), ("/en/articles/", "en")])
def test_banner_shows_the_most_severe_active_alert_of_the_language(client, path, language):
    expected = FraudAlert.objects.active().filter(locale__language_code=language).first()
    assert expected.severity == "critical"
    banner = banner_of(client.get(path).content.decode())
    assert expected.title in banner
    assert f'href="{expected.url}"' in banner
    other = FraudAlert.objects.active().exclude(locale__language_code=language).first()
    assert other.title not in banner


def test_banner_is_polite_in_the_flow_and_hideable_only_with_javascript(client):
    html = client.get("/en/").content.decode()
    banner = banner_of(html)
    assert 'role="status"' in banner and 'aria-live="polite"' in banner
    assert '<button type="button" class="alert-banner__hide" hidden>' in banner  # shown by the script
    assert "alert-banner.js" in html
    # In the page flow: after the header, before the main content.
    assert html.index("</header>") < html.index('class="alert-banner') < html.index('<main id="main"')


def test_a_newly_published_critical_alert_replaces_the_banner_at_once(client):
    client.get("/en/")  # warm the cache
    alert = FraudAlert.objects.filter(locale__language_code="en").first()
    newer = FraudAlert(
        locale=alert.locale, title="Fake courier refund calls", summary="Couriers never ask for your bank code.",
        severity="critical", active_from=timezone.now() - datetime.timedelta(minutes=1),
    )
    newer.save()
    newer.save_revision().publish()
    assert "Fake courier refund calls" in banner_of(client.get("/en/").content.decode())
    newer.unpublish()
    assert "Fake courier refund calls" not in banner_of(client.get("/en/").content.decode())


def test_no_banner_without_an_active_alert(client):
    yesterday = timezone.now() - datetime.timedelta(days=1)
    FraudAlert.objects.filter(locale__language_code="en").update(active_until=yesterday)
    cache.forget()
    assert banner_of(client.get("/en/").content.decode()) == ""
    assert banner_of(client.get("/").content.decode()) != ""


def test_the_banner_costs_no_query_once_cached(client, page_of, django_assert_num_queries):
    page = page_of(StandardPage, "en")
    client.get(page.url)
    alert_banner("en")  # cached by the request above
    with django_assert_num_queries(0):
        assert alert_banner("en")["severity"] == "critical"
