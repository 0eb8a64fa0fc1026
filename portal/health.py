"""``/healthz/``: is the portal able to serve? JSON for load balancers and monitoring.

Answers 200 while the database answers (the site can serve pages), 503
otherwise. Search and cache are reported but only degrade the status: the
public search falls back to the database when the engine is down.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from search.engine import engine_status


def _database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # any driver error means "down"; the type is reported
        return {"status": "down", "error": type(error).__name__}
    return {"status": "ok", "vendor": connection.vendor}


def _cache():
    try:
        cache.set("healthz", "1", 5)
        ok = cache.get("healthz") == "1"
    except Exception as error:
        return {"status": "down", "error": type(error).__name__}
    return {"status": "ok" if ok else "degraded"}


def _search():
    if not settings.ELASTICSEARCH_URL:
        return {"status": "ok", "backend": "database"}
    return engine_status()


@never_cache
def healthz(request):
    checks = {"database": _database(), "cache": _cache(), "search": _search()}
    if checks["database"]["status"] != "ok":
        status = "down"
    elif all(check["status"] == "ok" for check in checks.values()):
        status = "ok"
    else:
        status = "degraded"
    return JsonResponse({"status": status, "checks": checks}, status=503 if status == "down" else 200)
