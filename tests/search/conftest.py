"""Search tests run against the real Elasticsearch node started by ``scripts/search-engine``.

Each test gets its own freshly rebuilt index (under a per-run prefix, so the
development index is untouched) and the index is removed afterwards. If the
engine is not running the tests fail with instructions; they never skip.
"""

import os
import uuid

import pytest
from elasticsearch import Elasticsearch
from elasticsearch import helpers as es_helpers

from search.documents import alias_name
from search.engine import get_client
from search.queue import rebuild_and_replay

ENGINE_URL = os.environ.get("TEST_ELASTICSEARCH_URL", "http://127.0.0.1:9200")
CLOSED_PORT_URL = "http://127.0.0.1:9"  # the discard port: nothing listens there


@pytest.fixture(scope="session")
def engine_url():
    client = Elasticsearch(ENGINE_URL, request_timeout=5)
    if not client.ping():
        pytest.fail(f"No Elasticsearch at {ENGINE_URL}: start it with `scripts/search-engine start` (make test does).")
    return ENGINE_URL


@pytest.fixture
def use_engine(settings):
    """Point the portal at a URL (and forget the cached client); returns the function."""

    def point_at(url):
        settings.ELASTICSEARCH_URL = url
        get_client.cache_clear()
        return get_client()

    yield point_at
    get_client.cache_clear()


@pytest.fixture
def es(engine_url, settings, use_engine, db):
    """A client on a fresh index built from the seeded demo, deleted after the test."""
    settings.SEARCH_INDEX_PREFIX = f"test-{uuid.uuid4().hex[:8]}-"
    client = use_engine(engine_url)
    rebuild_and_replay(client)
    yield client
    names = list(client.indices.get(index=f"{settings.SEARCH_INDEX_PREFIX}*", expand_wildcards="all").keys())
    if names:
        client.indices.delete(index=",".join(names))


@pytest.fixture
def indexed_ids(es):
    """The document ids currently in the index (after a refresh)."""

    def read():
        es.indices.refresh(index=alias_name())
        return {hit["_id"] for hit in es_helpers.scan(es, index=alias_name(), _source=False)}

    return read
