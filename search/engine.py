"""The connection to Elasticsearch, with short timeouts so a dead engine never hangs a request."""

from functools import lru_cache

from django.conf import settings
from elasticsearch import Elasticsearch
from elasticsearch import exceptions as es_exceptions

REQUEST_TIMEOUT_SECONDS = 2


@lru_cache(maxsize=1)
def get_client():
    """One shared client per process (it pools connections); None when no engine is configured."""
    if not settings.ELASTICSEARCH_URL:
        return None
    return Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=REQUEST_TIMEOUT_SECONDS, max_retries=0)


def engine_status():
    """Cluster health for ``/healthz/``: ok (green/yellow), degraded (red or unreachable)."""
    client = get_client()
    if client is None:
        return {"status": "ok", "backend": "database"}
    try:
        health = client.cluster.health(timeout="1s")
    except (es_exceptions.ConnectionError, es_exceptions.TransportError, es_exceptions.ApiError) as error:
        return {"status": "degraded", "backend": "elasticsearch", "error": type(error).__name__}
    ok = health["status"] in {"green", "yellow"}
    return {"status": "ok" if ok else "degraded", "backend": "elasticsearch", "cluster": health["status"]}
