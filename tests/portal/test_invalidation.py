"""Dependency-based invalidation: a publish empties what depends on it, a draft empties nothing.

The page cache is on; each test warms copies, changes content the way editors do, then checks
which copies are still served (a hit with 0 SQL) and which show the change at once.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache as django_cache
from django.utils import timezone
from django.utils.text import slugify

from alerts.models import FraudAlert
from articles.models import ArticleIndexPage, ArticlePage
from campaigns.models import CampaignPage, EventPage
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


def other_audience_pages(article):
    pages = en(AudiencePage).exclude(audience__slug__in=article.audience_slugs)
    assert pages.exists(), "some audience is not the article's"
    return pages


def unrelated_urls(article):
    """Pages that do not show the article: the about page, an event elsewhere, other articles, the
    audience pages of the audiences it does not have and a campaign it is not in."""
    about = en(StandardPage).first()
    event = en(EventPage).exclude(path__startswith=article.campaign.path).first()
    others = en(ArticlePage).exclude(pk=article.pk).exclude(campaign=article.campaign_id)[:2]
    campaign = en(CampaignPage).exclude(pk=article.campaign_id).first()
    urls = [about.url, event.url, *(other.url for other in others), campaign.url,
            *(page.url for page in other_audience_pages(article))]
    assert len(urls) >= 6
    return urls


def dependent_urls(client, article):
    """The article and the pages that show its title (the audience pages whose first page lists it)."""
    audiences = en(AudiencePage).filter(audience__slug__in=article.audience_slugs)
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


def test_removing_an_audience_renews_that_audience_page_and_no_other(client, listed_article, django_assert_num_queries):
    """The audience it leaves no longer lists it: its page is rebuilt from what its live copy had."""
    audiences = en(AudiencePage).filter(audience__slug__in=listed_article.audience_slugs)
    left = next(page for page in audiences if listed_article.title in client.get(page.url).content.decode())
    others = [page.url for page in other_audience_pages(listed_article)]
    warm(client, [left.url, *others])
    listed_article.audiences.remove(left.audience)
    listed_article.save_revision().publish()
    assert_hits_without_sql(client, others, django_assert_num_queries)
    response = client.get(left.url)
    assert response["X-Page-Cache"] == "miss" and listed_article.title not in response.content.decode()


def test_deleting_an_article_renews_the_pages_that_listed_it_only(client, listed_article, django_assert_num_queries):
    unrelated, dependent = unrelated_urls(listed_article), dependent_urls(client, listed_article)
    warm(client, unrelated + dependent[1:])
    listed_article.delete()
    assert_hits_without_sql(client, unrelated, django_assert_num_queries)
    for url in dependent[1:]:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss" and listed_article.title not in response.content.decode(), url


def test_submitting_a_draft_for_review_empties_nothing(client, listed_article, django_assert_num_queries):
    """A workflow step (the draft submitted, the pre-check run) changes nothing a visitor sees."""
    urls = dependent_urls(client, listed_article)
    warm(client, urls)
    listed_article.title = "Submitted, not approved"
    editor = get_user_model().objects.get(username="editor")
    listed_article.save_revision(user=editor)
    state = listed_article.get_workflow().start(listed_article, editor)
    assert state.status == state.STATUS_IN_PROGRESS
    assert_hits_without_sql(client, urls, django_assert_num_queries)


def test_a_scheduled_publish_empties_nothing_until_it_goes_live(client, listed_article, django_assert_num_queries):
    urls = dependent_urls(client, listed_article)
    warm(client, urls)
    listed_article.title = "Scheduled for next week"
    listed_article.go_live_at = timezone.now() + datetime.timedelta(days=7)
    listed_article.save_revision().publish()
    assert_hits_without_sql(client, urls, django_assert_num_queries)


def test_a_new_page_scheduled_for_later_empties_nothing(client, listed_article, django_assert_num_queries):
    """Its first publish, scheduled, sends ``page_published`` for a page that is not live yet."""
    urls = dependent_urls(client, listed_article)
    warm(client, urls)
    index = en(ArticleIndexPage).get()
    article = index.add_child(instance=ArticlePage(title="Not out until next week", slug="next-week", live=False,
                                                   campaign=listed_article.campaign, locale=index.locale))
    article.audiences.set(listed_article.audiences.all())
    article.go_live_at = timezone.now() + datetime.timedelta(days=7)
    article.save_revision().publish()
    assert not ArticlePage.objects.get(pk=article.pk).live
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
