"""The Atom feed of articles, ``/feeds/articles/`` (``/en/feeds/articles/`` in English): see ``portal.feeds``."""

from foundation.feeds import MAX_ITEMS, SectionFeed
from foundation.privacy import public
from foundation.sharing import absolute_url

from .models import ArticleIndexPage, ArticlePage


class ArticlesFeed(SectionFeed):
    """Live, public articles of the language's article section, newest first, with their topics."""

    index_model = ArticleIndexPage
    url_name = "feed_articles"

    def items(self, index):
        articles = public(ArticlePage.objects.live()).child_of(index).prefetch_related("topics")
        return articles.order_by("-first_published_at")[:MAX_ITEMS]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary

    def item_link(self, article):
        return absolute_url(article.url)

    def item_pubdate(self, article):
        return article.first_published_at

    def item_updateddate(self, article):
        return article.last_published_at

    def item_categories(self, article):
        return [article.get_kind_display()] + article.topic_names
