"""WebSub (W3C): tell a hub that a feed changed, so subscribers get it pushed instead of polling.

Each Atom feed names the hub (``<link rel="hub">``, from ``WEBSUB_HUB_URL``) and itself
(``<link rel="self">``); when its content goes live the publisher POSTs
``hub.mode=publish&hub.url=<feed URL>`` to the hub. Here is the ping; each feed's app decides
when to send it (``alerts.syndication`` tracks it as a delivery, ``articles.signals`` queues
``ping_task``). See https://www.w3.org/TR/websub/
"""

import logging

import requests
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from .sharing import absolute_url

logger = logging.getLogger(__name__)
TIMEOUT = 5


class HubError(Exception):
    pass


def hub_url():
    return settings.WEBSUB_HUB_URL


def feed_url(url_name, language_code):
    """The absolute URL of the feed named ``url_name`` in one language (``/en/feeds/...`` in English)."""
    with translation.override(language_code):
        return absolute_url(reverse(url_name))


def ping_hub(feed_urls):
    """POST one publish notification per feed URL; raises ``HubError`` unless the hub accepts each (2xx)."""
    hub = hub_url()
    if not hub:
        return False
    for url in feed_urls:
        try:
            response = requests.post(hub, data={"hub.mode": "publish", "hub.url": url}, timeout=TIMEOUT,
                                     allow_redirects=False)
        except requests.RequestException as error:
            raise HubError(f"{type(error).__name__}: {error}") from error
        if not 200 <= response.status_code < 300:
            raise HubError(f"HTTP {response.status_code} from the hub for {url}")
    return True


@task()
def ping_task(feed_urls):
    """The ping as a background task, best effort (a feed reader polls anyway): a failure is logged."""
    try:
        return ping_hub(feed_urls)
    except HubError as error:
        logger.warning("WebSub hub ping failed: %s", error)
        return False
