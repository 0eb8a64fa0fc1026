"""Dependency-based invalidation: a publish empties what depends on it, a draft empties nothing.

The page cache is on; each test warms copies, changes content the way editors do, then checks
which copies are still served (a hit with 0 SQL) and which show the change at once.
"""

import datetime

import pytest
from django.core.cache import cache as django_cache
from django.utils import timezone
from django.utils.text import slugify

from alerts.models import FraudAlert
from articles.models import ArticleIndexPage, ArticlePage
from campaigns.models import EventPage
from portal.models import AudiencePage, HomePage, StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def en(model, **filters):
    return model.objects.live().filter(locale__language_code="en", **filters)


@pytest.fixture
def listed_article():
    """The newest English article: listed on the home page, with a campaign and audiences."""
    article = en(ArticlePage).order_by("-first_published_at").first()
    assert article.campaign_id and article.audiences.exists(), "the demo's newest article is in a campaign"
    return article


def unrelated_urls(article):
    about = en(StandardPage).first()
    event = en(EventPage).exclude(path__startswith=article.campaign.path).first()
    others = en(ArticlePage).exclude(pk=article.pk).exclude(campaign=article.campaign_id)[:2]
    urls = [about.url, event.url, *(other.url for other in others)]
    assert len(urls) == 4
    return urls


def dependent_urls(client, article):
    """The article and the pages that show its title (the audience pages whose first page lists it)."""
    audiences = en(AudiencePage).filter(audience__in=article.audiences.all())
    shown_on = [page.url for page in audiences if article.title in client.get(page.url).content.decode()]
    urls = [article.url, en(ArticleIndexPage).get().url, article.campaign.url, en(HomePage).get().url, *shown_on]
    assert shown_on, "the article is on the first page of one of its audience pages"
    return urls


def warm(client, urls):
    for url in urls:
        client.get(url)
    for url in urls:
        assert client.get(url)["X-Page-Cache"] == "hit", url


def assert_hits_without_sql(client, urls, django_assert_num_queries):
    for url in urls:
        with django_assert_num_queries(0):
            response = client.get(url)
        assert response["X-Page-Cache"] == "hit", url


def test_publishing_an_article_keeps_unrelated_pages_and_shows_its_title_where_it_is_listed(
    client, listed_article, django_assert_num_queries
):
    unrelated, dependent = unrelated_urls(listed_article), dependent_urls(client, listed_article)
    warm(client, unrelated + dependent)
    listed_article.title = "Refund agents, revised today"
    listed_article.save_revision().publish()
    assert_hits_without_sql(client, unrelated, django_assert_num_queries)
    for url in dependent:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert "Refund agents, revised today" in response.content.decode(), url


def test_draft_saves_of_a_page_and_of_an_alert_empty_nothing(client, listed_article, django_assert_num_queries):
    urls = unrelated_urls(listed_article) + dependent_urls(client, listed_article)
    warm(client, urls)
    listed_article.title = "A draft nobody may see yet"
    listed_article.save_revision()
    alert = FraudAlert.objects.filter(locale__language_code="en", live=True).first()
    alert.title = "A draft alert title"
    alert.save_revision()
    assert_hits_without_sql(client, urls, django_assert_num_queries)
    assert "A draft nobody may see yet" not in client.get(listed_article.url).content.decode()


def test_a_scheduled_publish_empties_nothing_until_it_goes_live(client, listed_article, django_assert_num_queries):
    urls = dependent_urls(client, listed_article)
    warm(client, urls)
    listed_article.title = "Scheduled for next week"
    listed_article.go_live_at = timezone.now() + datetime.timedelta(days=7)
    listed_article.save_revision().publish()
    assert_hits_without_sql(client, urls, django_assert_num_queries)


def banner_of(html):
    start = html.find('<div class="alert-banner')
    return html[start:html.find("</div>\n</div>", start)] if start != -1 else ""


def test_an_alert_going_live_or_ending_shows_on_every_pages_banner_at_once(client, listed_article):
    urls = unrelated_urls(listed_article) + dependent_urls(client, listed_article)
    warm(client, urls)
    locale = FraudAlert.objects.filter(locale__language_code="en").first().locale
    alert = FraudAlert(locale=locale, title="Fake courier refund calls", summary="Couriers never ask for codes.",
                       severity="critical", active_from=timezone.now() - datetime.timedelta(minutes=1), live=False)
    alert.save()
    alert.save_revision().publish()
    for url in urls:
        assert "Fake courier refund calls" in banner_of(client.get(url).content.decode()), url
    alert.refresh_from_db()  # publish() went through the revision's own copy of the alert
    alert.unpublish()
    for url in urls:
        assert "Fake courier refund calls" not in banner_of(client.get(url).content.decode()), url


def test_an_alert_window_closing_shows_once_the_banner_is_rebuilt(client, listed_article):
    """The clock, not an editor, ends the window: the banner's lifetime (60 s) is simulated by
    dropping the banner's entry; every cached page then follows the new banner."""
    urls = unrelated_urls(listed_article)
    warm(client, urls)
    top = FraudAlert.objects.active().filter(locale__language_code="en").first()
    assert top.title in banner_of(client.get(urls[0]).content.decode())
    FraudAlert.objects.filter(pk=top.pk).update(active_until=timezone.now() - datetime.timedelta(seconds=1))
    assert top.title in banner_of(client.get(urls[0]).content.decode())  # within the banner's lifetime
    django_cache.delete("portal:alert-banner:en")  # what BANNER_SECONDS later does
    for url in urls:
        assert top.title not in banner_of(client.get(url).content.decode()), url


def test_publishing_an_alert_that_does_not_change_the_banner_keeps_other_pages(client, listed_article,
                                                                                django_assert_num_queries):
    urls = unrelated_urls(listed_article)
    warm(client, urls)
    low = FraudAlert.objects.active().filter(locale__language_code="en").exclude(severity="critical").first()
    assert low is not None
    low.summary = "Reworded, still not the most severe."
    low.save_revision().publish()
    client.get(urls[0])  # the banner is rebuilt: the same alert tops it
    assert_hits_without_sql(client, urls[1:], django_assert_num_queries)


def test_moving_a_page_empties_its_subtree_its_parents_and_the_pages_linking_to_it_only(
    client, listed_article, django_assert_num_queries
):
    """A move changes URLs: the moved page, the menus of its old and new parents and every page whose
    links point at it (Wagtail's reference index) are rebuilt; the rest of the site stays cached.
    (Below the about page, so the site menu, which lists the home page's children, is not involved.)"""
    about = en(StandardPage).first()

    def child(parent, title, **fields):
        page = parent.add_child(instance=StandardPage(title=title, slug=slugify(title), locale=about.locale, **fields))
        page.save_revision().publish()
        return page

    moving, target = child(about, "Moving page"), child(about, "New home of the page")
    linking = child(about, "Links to it", body=[("paragraph", f'<p>See <a linktype="page" id="{moving.pk}">it</a>.</p>')])
    unrelated = [url for url in unrelated_urls(listed_article) if url != about.url]
    old_url = moving.url
    warm(client, unrelated + [linking.url, old_url])
    moving.move(target, pos="last-child")
    moving.refresh_from_db()
    assert moving.url == target.url + moving.slug + "/"
    assert_hits_without_sql(client, unrelated, django_assert_num_queries)
    response = client.get(linking.url)
    assert response["X-Page-Cache"] == "miss" and f'href="{moving.url}"' in response.content.decode()
    moved_away = client.get(old_url)  # not the cached copy: Wagtail's automatic redirect
    assert moved_away.status_code == 301 and moved_away["Location"] == moving.url
    assert client.get(moving.url).status_code == 200
