"""Search benchmark: figures, not a test.

    .venv/bin/python bench/search.py [--docs 10000] [--queries 200]

Needs the Elasticsearch node (``scripts/search-engine start``). It works in a
throw-away SQLite database and under its own index prefix, so neither the
development database nor the development index is touched. It prints:

- bulk indexing throughput (documents per second) for N synthetic bilingual documents;
- latency p50/p95/p99 over a fixed mix of queries (a) straight against the engine
  and (b) through the Django search view, and (c) through the view with the engine
  unreachable (the database fallback, over the seeded demo's ~120 pages per language);
- every latency also as a ratio to the engine's own ``took`` time, measured in the same run;
- the share of the everyday queries (``tests/search/everyday_queries.json``) whose expected page is in
  the top 3, on the engine (the demo indexed) and on the database search.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORK_DIR = tempfile.mkdtemp(prefix="bench-search-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
os.environ["DATABASE_URL"] = f"sqlite:///{WORK_DIR}/bench.sqlite3"
os.environ.setdefault("ELASTICSEARCH_URL", "http://127.0.0.1:9200")
os.environ["SEARCH_INDEX_PREFIX"] = "bench-"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from elasticsearch import helpers  # noqa: E402

from search.documents import alias_name  # noqa: E402
from search.engine import get_client  # noqa: E402
from search.indexing import create_index  # noqa: E402
from search.queries import search_pages  # noqa: E402
from search.queue import rebuild_and_replay  # noqa: E402
from tests.search.everyday import QUERIES, share_answered  # noqa: E402

ZH_WORDS = "退保 代理 骗局 诈骗 电信 非法 集资 养老 保险 客户 理赔 风险 提示 防范 识别 短信 验证码 转账 账户 安全".split()
EN_WORDS = ("refund agent scam fraud telecom illegal fundraising pension insurance customer claim risk warning "
            "protect spot text code transfer account safe").split()
AUDIENCES = ["public", "customers", "professionals", "elderly"]
TYPES = ["article", "film", "event", "campaign", "alert"]
QUERY_MIX = [("退保", "zh-hans"), ("电信诈骗", "zh-hans"), ("养老 风险", "zh-hans"), ("fraud", "en"),
             ("refund agent", "en"), ("pension scam", "en"), ("illegal fundraising warning", "en"), ("验证码", "zh-hans")]


def synthetic_documents(count, rng):
    for number in range(count):
        language = "zh-hans" if number % 2 else "en"
        words = ZH_WORDS if language == "zh-hans" else EN_WORDS
        joiner = "" if language == "zh-hans" else " "
        title = joiner.join(rng.choices(words, k=5))
        yield {
            "_id": f"bench-{number}",
            "_source": {
                "title": title, "summary": joiner.join(rng.choices(words, k=15)),
                "body": joiner.join(rng.choices(words, k=200)), "topics_text": "",
                "audiences": rng.sample(AUDIENCES, 2), "topics": [], "content_type": rng.choice(TYPES),
                "campaign": None, "year": rng.choice([2024, 2025, 2026]), "locale": language,
                "url": f"/bench/{number}/", "published": f"2026-0{1 + number % 9}-1{number % 9}T00:00:00Z",
                "suggest": {"input": [title], "contexts": {"locale": [language]}},
            },
        }


def percentiles(samples):
    ordered = sorted(samples)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return pick(0.50), pick(0.95), pick(0.99)


def timed(function, runs):
    samples = []
    for argument in runs:
        started = time.perf_counter()
        function(argument)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(42)

    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))
    client = get_client()
    if not client.ping():
        sys.exit(f"No Elasticsearch at {settings.ELASTICSEARCH_URL}: run scripts/search-engine start")
    for name in client.indices.get(index="bench-*", expand_wildcards="all"):
        client.indices.delete(index=name)
    index_name = create_index(client, make_alias=True)

    started = time.perf_counter()
    actions = ({"_index": index_name, **doc} for doc in synthetic_documents(args.docs, rng))
    indexed, _ = helpers.bulk(client, actions, chunk_size=1000, refresh=False)
    client.indices.refresh(index=index_name)
    elapsed = time.perf_counter() - started
    print(f"bulk indexing: {indexed} documents in {elapsed:.1f} s = {indexed / elapsed:,.0f} docs/s")

    mix = [QUERY_MIX[number % len(QUERY_MIX)] for number in range(args.queries)]
    took = []

    def engine(item):
        took.append(search_pages(client, item[0], item[1], {}).took_ms)

    http = Client()

    def view(item):
        prefix = "/en" if item[1] == "en" else ""
        response = http.get(f"{prefix}/search/", {"q": item[0]})
        assert response.status_code == 200, response.status_code

    engine_ms = timed(engine, mix)
    view_ms = timed(view, mix)
    took_p50 = statistics.median(took) or 1
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens: the view falls back to the database
    get_client.cache_clear()
    fallback_ms = timed(view, mix)

    print(f"queries: {len(mix)} per row; engine 'took' p50 = {took_p50:.1f} ms (the baseline)")
    print(f"{'path':<28}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'p50/took':>10}{'p95/took':>10}")
    for label, samples in (("engine (client call)", engine_ms), ("Django view (engine)", view_ms),
                           ("Django view (fallback)", fallback_ms)):
        p50, p95, p99 = percentiles(samples)
        print(f"{label:<28}{p50:>9.1f}{p95:>9.1f}{p99:>9.1f}{p50 / took_p50:>10.1f}{p95 / took_p50:>10.1f}")
    print(f"(fallback searched the demo database of {settings.DATABASES['default']['NAME']}; alias {alias_name()})")
    database_share, _missed = share_answered(http)
    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    get_client.cache_clear()
    rebuild_and_replay(get_client())  # the demo instead of the synthetic documents
    engine_share, _missed = share_answered(http)
    print(f"everyday queries ({len(QUERIES)}), expected page in the top 3: engine {engine_share:.0%}, "
          f"database search {database_share:.0%}")
    for name in get_client().indices.get(index="bench-*", expand_wildcards="all"):
        get_client().indices.delete(index=name)


if __name__ == "__main__":
    main()
