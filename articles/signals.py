"""A newly published article changes its language's Atom feed: tell the WebSub hub (``foundation.websub``)."""

from django.db import transaction
from django.dispatch import receiver
from wagtail.models import Locale
from wagtail.signals import page_published

from foundation.websub import feed_url, hub_url, ping_task

from .models import ArticlePage


@receiver(page_published, sender=ArticlePage)
def article_published(sender, instance, **kwargs):
    if hub_url():
        language = Locale.objects.values_list("language_code", flat=True).get(pk=instance.locale_id)
        urls = [feed_url("feed_articles", language)]
        transaction.on_commit(lambda: ping_task.enqueue(urls))
