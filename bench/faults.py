"""Fault tests under load: the search engine and then the database go away; the site must cope.

    .venv/bin/python bench/faults.py [--connections 16] [--only search|database]

Loopback only, bounded: every wait has a limit and the whole run is stopped
after five minutes. The demo is seeded once into a PostgreSQL server of our
own, and the search phase starts an Elasticsearch node of our own (both on
free ports with throw-away data directories; see ``bench/load.py``). Each
phase keeps ``wrk`` running the public URL mix while the fault happens.

search   The node is stopped mid-run. Pages keep answering 200, the search
         answers 200 from the database with its fallback note, ``/healthz/``
         says 200 "degraded". A page is unpublished and another retitled while
         the node is down, so the index queue holds work (the unpublished page
         answers 404 in the mix from then on, as it should). After the restart,
         ``manage.py search_sync --now`` must leave the index holding exactly
         the live public pages and alerts (the test suite's ``expected_ids``).
database PostgreSQL is stopped mid-run, page cache off so that requests
         really reach it. ``/healthz/`` answers 503 JSON, pages and search the
         static 503 page with the hotline, no answer shows a traceback or an
         exception name, and no 5xx other than 503 is seen. After PostgreSQL
         starts again pages must answer 200 within 30 s. As a figure only: a
         second server with the page cache on, and how many of its warmed pages
         still answered 200 during the outage.

Prints a results table and PASS/FAIL per phase; exits 1 if any phase fails.
"""

import argparse
import concurrent.futures
import contextlib
import json
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import (  # noqa: E402
    SEARCHES,
    Mix,
    Postgres,
    SearchEngine,
    discover_urls,
    fetch,
    logging_to,
    manage_checked,
    sitemap_paths,
    tracebacks,
)
from pages import ensure_wrk  # noqa: E402
from server import ROOT, gunicorn, manage, prepare, production_env, workspace  # noqa: E402

TOTAL_LIMIT_SECONDS = 300
PHASE_LOAD_SECONDS = 150  # wrk's own limit; a phase normally stops it much earlier
LOAD_BEFORE_FAULT_SECONDS = 5
OUTAGE_UNDER_LOAD_SECONDS = 10
RECOVERY_LIMIT_SECONDS = 30
FALLBACK_NOTE = 'class="callout callout--warning" role="status"'  # templates/search/search.html
OUTAGE_TEXTS = ("服务暂时不可用", "Service unavailable", "96110")  # templates/500.html (served with 503)
LEAK = re.compile(r"Traceback|\b[A-Z]\w*(?:Error|Exception)\b")

CHANGE_WHILE_DOWN = """
import json
from articles.models import ArticlePage
from search.queue import pending
gone, renamed = ArticlePage.objects.live().filter(locale__language_code="en").order_by("pk")[:2]
gone.unpublish()
renamed.title += " (updated while the engine was down)"
renamed.save_revision().publish()
print(json.dumps({"gone": gone.pk, "renamed": renamed.pk, "title": renamed.title,
                  "pending": pending(ignore_backoff=True).count()}))
"""
INDEX_STATE = """
import json
from elasticsearch import helpers
from search.documents import alias_name
from search.engine import get_client
from tests.search.test_indexing import expected_ids
client = get_client()
client.indices.refresh(index=alias_name())
hits = helpers.scan(client, index=alias_name(), _source=["title"])
indexed = {hit["_id"]: hit["_source"]["title"] for hit in hits}
print(json.dumps({"indexed": indexed, "expected": sorted(expected_ids())}))
"""


class Phase:
    """Checks (pass or fail) and figures (no verdict) of one phase, in the order they happened."""

    def __init__(self, name):
        self.name, self.rows = name, []

    def check(self, label, ok, detail=""):
        self.rows.append((label, bool(ok), detail))

    def figure(self, label, detail):
        self.rows.append((label, None, detail))

    def timed(self, label, action):
        start = time.monotonic()
        action()
        self.figure(label, f"{time.monotonic() - start:.1f} s")

    @property
    def passed(self):
        return all(ok is not False for _, ok, _ in self.rows)

    def load(self, result, allowed_5xx=()):
        unexpected = sum(n for status, n in result.statuses.items() if status >= 500 and status not in allowed_5xx)
        for line in result.lines():
            self.figure("load", line)
        self.check("load: 0 socket errors", result.errors == 0, f"{result.errors}")
        allowed = f" other than {'/'.join(map(str, allowed_5xx))}" if allowed_5xx else ""
        self.check(f"load: 0 5xx{allowed}", unexpected == 0, f"{unexpected}")
        self.check("load: no traceback in any error body", result.leaks == 0, f"{result.leaks}")

    def print(self):
        print(f"\n== {self.name}")
        for label, ok, detail in self.rows:
            verdict = {True: "ok  ", False: "FAIL", None: "    "}[ok]
            print(f"  {verdict} {label:<48} {detail}")
        print(f"{'PASS' if self.passed else 'FAIL'}: {self.name}")


def wait_until(condition, limit):
    """Seconds until ``condition()`` held, or None when it did not within ``limit`` seconds."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if condition():
            return time.monotonic() - start
        time.sleep(0.5)
    return None


def shell(env, code):
    """Run ``code`` in ``manage.py shell`` and decode the JSON it printed last."""
    return json.loads(manage_checked(env, "shell", "-c", code).strip().splitlines()[-1])


def tally(urls, condition):
    """Fetch ``urls``: whether every answer meets ``condition``, and "k/n" that did, for the table."""
    met = sum(1 for url in urls if condition(fetch(url)))
    return met == len(urls), f"{met}/{len(urls)}"


def answered_200(answer):
    return answer.status == 200


def fell_back(answer):
    return answer.status == 200 and FALLBACK_NOTE in answer.body


def friendly_outage(answer):
    texts = all(text in answer.body for text in OUTAGE_TEXTS)
    return answer.status == 503 and texts and answer.headers.get("Retry-After") and not LEAK.search(answer.body)


def search_engine_phase(env, engine, connections, work):
    phase = Phase("search engine stopped mid-run")
    log = work / "search-phase.log"
    env = logging_to({**env, "ELASTICSEARCH_URL": engine.url}, log)
    manage_checked(env, "search_rebuild")
    with gunicorn(env) as (base, _):
        mix = Mix(base, discover_urls(base), connections, PHASE_LOAD_SECONDS, work)
        pages = [base + path for path in sitemap_paths(base)[::8]]
        searches = [base + path for path in SEARCHES]

        def from_engine():
            return all(answer.status == 200 and not fell_back(answer) for answer in map(fetch, searches))

        try:
            time.sleep(LOAD_BEFORE_FAULT_SECONDS)
            phase.check("search answers from the engine", from_engine())
            phase.timed("engine stopped in", engine.stop)
            phase.check("pages answer 200 while it is down", *tally(pages, answered_200))
            phase.check("search answers 200 with the fallback note", *tally(searches, fell_back))
            status, _, body = fetch(base + "/healthz/")
            search = json.loads(body)["checks"]["search"]
            phase.check("/healthz/ 200, search degraded", status == 200 and search["status"] == "degraded",
                        f"{status} {json.dumps(search)}")
            change = shell(env, CHANGE_WHILE_DOWN)
            phase.check("a page unpublished, one retitled: queue pending", change["pending"] > 0,
                        f"{change['pending']} rows")
            time.sleep(OUTAGE_UNDER_LOAD_SECONDS)
            phase.timed("engine restarted in", engine.start)
            back = wait_until(from_engine, RECOVERY_LIMIT_SECONDS)
            phase.check("search answers from the engine again", back is not None, f"after {back or 0:.1f} s")
        finally:
            mix.stop()
        phase.load(mix.result())
    phase.check("no traceback in the server log", not tracebacks(log), f"{tracebacks(log)}")
    start = time.monotonic()
    sync = manage(env, "search_sync", "--now")
    phase.check("manage.py search_sync --now", sync.returncode == 0,
                f"{(sync.stdout or sync.stderr).strip()} ({time.monotonic() - start:.1f} s)")
    state = shell(env, INDEX_STATE)
    indexed, expected = set(state["indexed"]), set(state["expected"])
    phase.check("index == live public pages and alerts", indexed == expected,
                f"{len(indexed)} documents, {len(expected)} expected, {len(expected - indexed)} missing, "
                f"{len(indexed - expected)} extra")
    gone, renamed = f"page-{change['gone']}", f"page-{change['renamed']}"
    phase.check("the outage's changes reached the index",
                gone not in indexed and state["indexed"].get(renamed) == change["title"],
                f"{gone} removed, {renamed} retitled")
    return phase


def database_phase(env, database, connections, work):
    phase = Phase("database unreachable")
    log = work / "database-phase.log"
    env = logging_to(env, log)
    # Page cache off, so that requests really reach the database; beside it, as a figure only, a server
    # with the cache on. One worker, so its local-memory cache holds every warmed page (production
    # shares Redis between workers).
    with gunicorn({**env, "PAGE_CACHE_SECONDS": "0"}) as (base, _), \
            gunicorn({**env, "PAGE_CACHE_SECONDS": "300"}, workers=1) as (cached, _):
        mix = Mix(base, discover_urls(base), connections, PHASE_LOAD_SECONDS, work)
        paths = sitemap_paths(base)[::8] + SEARCHES[::4]
        for path in paths:
            fetch(cached + path)
        try:
            time.sleep(LOAD_BEFORE_FAULT_SECONDS)
            phase.timed("PostgreSQL stopped in", database.stop)
            status, headers, body = fetch(base + "/healthz/")
            health = json.loads(body) if headers.get("Content-Type") == "application/json" else {}
            phase.check("/healthz/ answers 503 JSON, no traceback",
                        status == 503 and health.get("status") == "down" and "Traceback" not in body,
                        f"{status} {json.dumps(health.get('checks', {}).get('database'))}")
            phase.check("pages and search: friendly 503, nothing leaked",
                        *tally([base + path for path in paths], friendly_outage))
            phase.figure("page cache on: warmed URLs still 200",
                         tally([cached + path for path in paths], answered_200)[1] + " (search is never cached)")
            time.sleep(OUTAGE_UNDER_LOAD_SECONDS)
            phase.timed("PostgreSQL restarted in", database.start)
            back = wait_until(lambda: answered_200(fetch(base + paths[0])), RECOVERY_LIMIT_SECONDS)
            phase.check(f"a page answers 200 within {RECOVERY_LIMIT_SECONDS} s", back is not None,
                        f"after {back or 0:.1f} s")
            phase.check("then every probe answers 200", *tally([base + path for path in paths], answered_200))
        finally:
            mix.stop()
        phase.load(mix.result(), allowed_5xx=(503,))
    phase.figure("server log", f"{tracebacks(log)} tracebacks: Django logs every request the outage failed, "
                 "the driver's error chained to its own")
    return phase


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=16,
                        help="wrk connections; fewer than bench/load.py so the probes are not queued behind them")
    parser.add_argument("--only", choices=["search", "database"])
    args = parser.parse_args()

    def out_of_time(*_):
        raise TimeoutError(f"the fault run took longer than {TOTAL_LIMIT_SECONDS} s")

    signal.signal(signal.SIGALRM, out_of_time)
    signal.alarm(TOTAL_LIMIT_SECONDS)
    started = time.monotonic()
    ensure_wrk()
    subprocess.run([ROOT / "scripts/poster-deps"], check=True)  # without a CJK font posters answer 503
    work = workspace()
    phases = []
    with contextlib.ExitStack() as stack:
        stack.callback(shutil.rmtree, work, ignore_errors=True)
        database = stack.enter_context(Postgres())
        env = production_env(work, DATABASE_URL=database.url)
        engine = None if args.only == "database" else SearchEngine()
        if engine:
            stack.push(engine)  # stopped and removed at the end, however the run ends
            with concurrent.futures.ThreadPoolExecutor(1) as pool:  # the JVM starts while the demo is seeded
                starting = pool.submit(engine.start)
                prepare(env)
                starting.result()
            phases.append(search_engine_phase(env, engine, args.connections, work))
        else:
            prepare(env)
        if args.only != "search":
            phases.append(database_phase(env, database, args.connections, work))
    signal.alarm(0)
    print(f"faults: {args.connections} connections of load in each phase, {time.monotonic() - started:.0f} s in all")
    for phase in phases:
        phase.print()
    failed = [phase.name for phase in phases if not phase.passed]
    print("\n" + ("FAIL: " + ", ".join(failed) if failed else "PASS: every phase"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
