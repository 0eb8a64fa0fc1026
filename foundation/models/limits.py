"""The store of rate-limit counters and used form tokens: a table the page cache cannot evict.

Counters (django-ratelimit) and redeemed form tokens (``foundation.form_tokens``) must outlive
any traffic. In the shared cache they did not: flooding the site with page variants
(``?page=01``, ``?page=001``…) made the cache evict them, and a 7th report got through or a
replayed form was stored twice. They now live in Django's database cache (the ``"limits"``
cache alias, ``RATELIMIT_USE_CACHE``), whose table this model declares, so ``migrate`` creates
it (no ``createcachetable`` step) with the columns that command would make.
See https://docs.djangoproject.com/en/5.2/topics/cache/#database-caching
"""

from django.db import models

TABLE = "foundation_limits"


class LimitEntry(models.Model):
    """One counter or token: written and read by the ``"limits"`` cache only (``foundation.limits_cache``, a ``DatabaseCache``)."""

    cache_key = models.CharField(max_length=255, primary_key=True)
    value = models.TextField()
    expires = models.DateTimeField(db_index=True)

    class Meta:
        db_table = TABLE
        verbose_name = "limit entry"
