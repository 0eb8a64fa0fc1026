"""Purging the copies a CDN or caching proxy keeps of public pages (Wagtail's frontend-cache app).

Pages are sent with ``Cache-Control: public, max-age=PAGE_CACHE_SECONDS`` (``portal.page_cache``),
so a CDN in front of the site may keep them that long. Wagtail's ``wagtail.contrib.frontend_cache``
purges a page's URLs when it is published or unpublished; the settings read the backends from
the environment (README, "Production"):

- ``FRONTEND_CACHE_PURGE_URL``: HTTP ``PURGE`` requests to that address (Varnish, or nginx built
  with a purge module), through ``HTTPBackend`` below;
- ``CLOUDFLARE_API_TOKEN`` and ``CLOUDFLARE_ZONE_ID``: Wagtail's Cloudflare backend.

The sample nginx configuration in ``deploy/`` needs neither: open-source nginx cannot purge, so
it keeps a page only a few seconds.

Only what changed is sent. Wagtail purges a published or unpublished page's own URLs; this
module adds the pages that list it — its index and the home page, the audience pages of the
audiences it has or had while live, the campaign it chose or left, its parent when the parent
lists its children (``pages_listing``) — the same pages whose cached copies ``foundation.cache``
invalidates, found by the same tags; not every page of a listing type. A first publish scheduled
for later purges nothing. Fraud alerts show on every page (the
banner) but belong to no page, so publishing or unpublishing one purges what lists them in its
language: that language's home page and alert page. Other pages show the banner's change when
their copy expires.
A page made private (a view restriction added) or public again purges itself and the pages under it.

Purges never hold the editor's request: every configured backend is wrapped in ``AfterCommit``,
which hands the URLs to the task worker (``portal.tasks.purge_urls``) once the transaction commits;
the worker then calls the real backend (our ``HTTPBackend``, Wagtail's ``CloudflareBackend``). A
batch stops at the first URL the proxy does not answer (one ``TIMEOUT``, not one per URL: a dead
endpoint once made an alert's publication wait 20 seconds).
"""

from urllib.error import URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.module_loading import import_string
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.contrib.frontend_cache.backends import HTTPBackend as WagtailHTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest, logger
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.signals import page_published, page_unpublished, published, unpublished

from alerts.models import AlertIndexPage, FraudAlert
from foundation.models.pages import invalidated_by_publishing, was_live
from portal.models import HomePage


class AfterCommit(BaseBackend):
    """Sends another backend's purges after the commit, from the task worker.

    Wagtail purges inside the request that publishes (its signal handlers call the backends
    directly), and Cloudflare's backend may wait 30 seconds per call. Configured as::

        "cloudflare": {"BACKEND": "portal.frontend_cache.AfterCommit", "NAME": "cloudflare",
                       "SENDER": "wagtail.contrib.frontend_cache.backends.CloudflareBackend", ...}

    ``NAME`` is the entry's own key, so the worker can build the same backend again from the
    settings (a task's arguments are stored, and secrets must not be); the other parameters go to
    ``SENDER``. ``HOSTNAMES`` is honoured by Wagtail before the URLs get here.
    """

    def __init__(self, params):
        params = dict(params)
        self.name = params.pop("NAME")
        self.sender = import_string(params.pop("SENDER"))(params)
        super().__init__(params)

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        from portal.tasks import purge_urls  # the tasks module imports this one

        urls = list(urls)
        transaction.on_commit(lambda: purge_urls.enqueue(self.name, urls))


class HTTPBackend(WagtailHTTPBackend):
    """Wagtail's ``PURGE`` backend with a time limit (``TIMEOUT`` seconds, 5 by default).

    Wagtail's own calls ``urlopen`` without one, so a cache that stopped answering would hold the
    worker for ever; and it tries every URL of a batch, each waiting as long as the first.
    """

    def __init__(self, params):
        self.timeout = float(params.pop("TIMEOUT", 5))
        super().__init__(params)

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        """Send the ``PURGE`` requests; stop at the first failure, since the rest would wait as long."""
        for index, url in enumerate(urls):
            parts = urlsplit(url)
            request = PurgeRequest(
                url=urlunsplit((self.cache_scheme, self.cache_netloc, parts.path, parts.query, "")),
                headers={"Host": parts.netloc},
            )
            try:
                urlopen(request, timeout=self.timeout).close()
            except (URLError, OSError) as error:  # HTTPError is a URLError; a timeout is an OSError
                logger.error("Couldn't purge '%s' from the HTTP cache: %s; %d more skipped", url, error,
                             len(urls) - index - 1)
                return


def listing_types(kind):
    """The page types that list pages of ``kind`` (``lists_kinds()``, ``foundation.models.pages``)."""
    return [model for model in get_page_models() if kind in getattr(model, "lists_kinds", tuple)()]


def pages_listing(page):
    """The live pages that show ``page`` in a listing, as its publish left their cached copies.

    The candidates are the pages of the types that list its kind in its language, and its parent
    (a campaign lists its activities); the pages kept are those that depend on a tag the publish
    touched (``cache_dependencies()`` against ``invalidated_by_publishing``): the article's index and
    the home page, but only its audiences' audience pages and its campaign's page. A few queries,
    in the publishing request, and only when a CDN is configured."""
    model = page.specific_class or Page
    types = listing_types(getattr(model, "listing_kind", None) or model._meta.label_lower)
    touched = set(invalidated_by_publishing(page))
    candidates = Page.objects.live().filter(locale_id=page.locale_id).filter(
        Page.objects.type_q(*types) | Q(path=page.path[: -page.steplen])
    )
    return [
        candidate for candidate in candidates.specific()
        if touched.intersection(getattr(candidate, "cache_dependencies", list)())
    ]


@receiver(page_published)
@receiver(page_unpublished)
def purge_page_listings(instance, **kwargs):
    if not get_backends() or not (instance.live or was_live(instance)):  # no CDN, or not live yet: not even the query
        return
    batch = PurgeBatch()
    batch.add_pages(pages_listing(instance))
    batch.purge()


@receiver(published, sender=FraudAlert)
@receiver(unpublished, sender=FraudAlert)
def purge_alert_listings(instance, **kwargs):
    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().type(HomePage, AlertIndexPage).filter(locale_id=instance.locale_id).specific())
    batch.purge()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def purge_restricted_pages(instance, **kwargs):
    batch = PurgeBatch()
    batch.add_pages(Page.objects.filter(path__startswith=instance.page.path).live().specific())
    batch.purge()
