"""The ``"limits"`` cache backend: Django's database cache, with a counter's steps in fewer statements.

django-ratelimit counts each limited request with ``add`` (start the window's counter) and then
``incr``. On ``DatabaseCache`` those cost eleven statements and two write transactions: every
``add`` and ``set`` first counts the whole table (to decide whether to cull it) and the base
``incr`` is a ``get`` followed by a full ``set``. Here an ``add`` of a key that is already there
is one ``SELECT`` (of a new key: that, the count and an ``INSERT``, three as before), and ``incr``
is a ``get`` and one ``UPDATE`` that only succeeds if no other request changed the value meanwhile
(so concurrent increments are never lost, which the base ``incr`` could do). The row keeps its expiry: a window's counter ends with its window.
The table is culled as before: ``add`` and ``set``, which create rows, count it first.
"""

import base64
import pickle
from datetime import datetime, timezone

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router
from django.utils.timezone import now as tz_now

CAS_ATTEMPTS = 20  # an increment retried while other requests increment the same counter


class LimitsCache(DatabaseCache):
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if self.has_key(key, version=version):  # one SELECT, expiry included
            return False
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote_name = connection.ops.quote_name
        table = quote_name(self._table)
        key = self.make_and_validate_key(key, version=version)
        seconds = self.get_backend_timeout(timeout)
        expires = datetime.max if seconds is None else datetime.fromtimestamp(seconds, tz=timezone.utc)
        expires = connection.ops.adapt_datetimefield_value(expires.replace(microsecond=0))
        now = tz_now().replace(microsecond=0)
        encoded = self._encoded(value)
        columns = ", ".join(map(quote_name, ("cache_key", "value", "expires")))
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")  # culled as the base ``add`` culls
            count = cursor.fetchone()[0]
            if count > self._max_entries:
                self._cull(db, cursor, now, count)
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s) ON CONFLICT ({quote_name('cache_key')}) DO NOTHING",
                [key, encoded, expires],
            )
            if cursor.rowcount:
                return True
            # The key's row is there but expired (or was added meanwhile): only an expired one is replaced.
            cursor.execute(
                f"UPDATE {table} SET {quote_name('value')} = %s, {quote_name('expires')} = %s "
                f"WHERE {quote_name('cache_key')} = %s AND {quote_name('expires')} < %s",
                [encoded, expires, key, connection.ops.adapt_datetimefield_value(now)],
            )
            return bool(cursor.rowcount)

    def incr(self, key, delta=1, version=None):
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote_name = connection.ops.quote_name
        update = "UPDATE {} SET {} = %s WHERE {} = %s AND {} = %s".format(
            quote_name(self._table), quote_name("value"), quote_name("cache_key"), quote_name("value")
        )
        stored_key = self.make_and_validate_key(key, version=version)
        for _attempt in range(CAS_ATTEMPTS):
            value = self.get(key, version=version)
            if value is None:
                raise ValueError(f"Key '{key}' not found")
            with connection.cursor() as cursor:
                cursor.execute(update, [self._encoded(value + delta), stored_key, self._encoded(value)])
                if cursor.rowcount:
                    return value + delta
        raise ValueError(f"Key '{key}' kept changing: not incremented")

    def _encoded(self, value):
        """The column's text for ``value``, exactly as ``DatabaseCache`` writes it."""
        return base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
