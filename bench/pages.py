"""Page-serving benchmark: figures, not a test.

    .venv/bin/python bench/pages.py [--seconds 10] [--connections 16]

Builds the seeded demo in a throw-away SQLite database, collects static files,
starts gunicorn (2 workers, production settings, DEBUG off, plain HTTP) on a
free loopback port and drives it with ``wrk`` (Debian's package, installed if
missing), cold (cache off: each request renders) and then warm (cache on).
Each phase also measures two baselines on the same server: a minimal Django
view (``/bench/minimal/``, only mounted when ``PORTAL_BENCH_VIEWS=1``) and a
static file served by WhiteNoise; every page figure is printed with its ratio
to its phase's baselines.

When nginx is available (``scripts/nginx install`` is tried if it is missing),
the warm phase also puts ``deploy/nginx/portal.conf`` in front of the same
gunicorn (``bench/nginx.py``): a static file served by that nginx is the
baseline of each page through its microcache.

Worker memory: the gunicorn workers' RSS after a warm-up of one request per
URL, and again once at least 20,000 requests have reached them in the phase
(page requests are added if the timed runs fell short; nginx's cache hits never
reach the workers and are not counted). Targets are printed, not asserted.

Publish under load (``--publish-seconds``, 60 by default; 0 skips it): the same gunicorn on a
throw-away Redis (``CACHE_URL``, so the workers and the publisher share one cache, as in
production) with the page cache on, ``bench/load.py``'s URL mix driven by 64 connections while
a separate process publishes one article every 5 s. It prints the page-cache hit ratio, p50/p99
and the number of cold renders (page-cache misses): what one publish costs the other pages.
"""

import argparse
import contextlib
import math
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import nginx  # noqa: E402
from bench.server import PYTHON, ROOT, free_port, gunicorn, prepare, production_env, workspace  # noqa: E402

PAGES = [
    ("home", "/"),
    ("campaign", "/campaigns/anti-fraud-drive-{year}/"),
    ("article", "/articles/fake-surrender-refund-agents/"),
    ("film", "/films/the-refund-call/"),
    ("audience", "/for-elderly/"),
    ("search", "/search/?q=%E9%80%80%E4%BF%9D"),
]
NEVER_CACHED = {"search"}  # records every query for editors (portal/page_cache.py, deploy/nginx/portal.conf)
RSS_REQUESTS = 20_000
SEARCHES_ALLOWED = 10_000_000  # per minute from 127.0.0.1 (RATELIMIT_ALLOWED_MORE): the bench is not throttled
TARGET_NGINX_RATIO = 0.5  # warm pages through nginx, as a share of nginx's static file
TARGET_RSS_GROWTH = 0.10
# wrk's request() hook: each request takes the next path in turn.
ROUND_ROBIN = """
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format(nil, paths[i])
end
"""


class Run(NamedTuple):
    rps: float
    p50: float
    p99: float
    errors: int
    requests: int


class Row(NamedTuple):
    name: str
    run: Run
    minimal: float | None = None
    static: float | None = None
    nginx_static: float | None = None
    target: str = ""


def ensure_wrk():
    if shutil.which("wrk"):
        return
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, capture_output=True)
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)


def wrk(url, seconds, connections, script=None):
    """Requests/s, p50 and p99 latency (ms), non-2xx/3xx answers and requests completed."""
    options = ["-s", str(script)] if script else []
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", *options, url],
        capture_output=True, text=True, check=True,
    )
    out = result.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def latency(percent):
        value, unit = re.search(rf"\s{percent}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    return Run(rps, latency(50), latency(99), int(errors.group(1)) if errors else 0, requests)


def top_up(base, paths, sent, connections, work):
    """Send page requests in turn until ``sent`` reaches RSS_REQUESTS; returns the new total."""
    script = work / "round-robin.lua"
    script.write_text("local paths = {" + ", ".join(f'"{path}"' for path in paths) + "}" + ROUND_ROBIN)
    seconds = 2
    while sent < RSS_REQUESTS:
        run = wrk(base + paths[0], seconds, connections, script)
        sent += run.requests
        seconds = max(1, math.ceil((RSS_REQUESTS - sent) / max(run.rps, 1) * 1.1))
    return sent


def rss_mb(pids):
    total = 0
    for pid in pids:
        status = Path(f"/proc/{pid}/status").read_text()
        total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
    return total / 1024


def worker_pids(master):
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


def through_nginx(base, env, static_path, pages, args):
    """Rows for nginx's own static file and each warm page through deploy/nginx/portal.conf."""
    rows = []
    with nginx.proxy(base.removeprefix("http://"), env["STATIC_ROOT"], env["MEDIA_ROOT"]) as proxied:
        static = wrk(proxied + static_path, args.seconds, args.connections)
        rows.append(Row("nginx static file", static, nginx_static=1.0))
        for name, path in pages:
            urllib.request.urlopen(proxied + path, timeout=30)  # fills the microcache, not measured
            run = wrk(proxied + path, args.seconds, args.connections)
            ratio = run.rps / static.rps
            verdict = "met" if ratio >= TARGET_NGINX_RATIO else "NOT met"
            target = "never cached" if name in NEVER_CACHED else f"≥{TARGET_NGINX_RATIO:.2f} {verdict}"
            rows.append(Row(f"{name} (nginx)", run, nginx_static=ratio, target=target))
    return rows


PUBLISH_EVERY_SECONDS = 5
PUBLISHED_ARTICLE = "fake-surrender-refund-agents"
# Run by the publisher process: a new revision of one article, published every few seconds.
PUBLISHER = """
import time
from django.db import OperationalError, transaction
from articles.models import ArticlePage
deadline = time.monotonic() + {seconds}
count = retries = 0
while time.monotonic() < deadline - {every}:
    time.sleep({every})
    for attempt in range(50):  # SQLite: readers under load may hold the database for a moment
        try:
            with transaction.atomic():
                article = ArticlePage.objects.filter(slug="{slug}").first().specific
                article.title = article.title.split(" #")[0] + f" #{{count}}"
                article.save_revision().publish()
            count += 1
            break
        except OperationalError:
            retries += 1
            time.sleep(0.1)
print("published", count, "retries", retries)
"""


@contextlib.contextmanager
def redis_server():
    port = free_port()
    server = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                               "--appendonly", "no"], stdout=subprocess.DEVNULL)
    try:
        time.sleep(0.5)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


def publish_under_load(env, work, seconds, connections=64):
    """``(mix result, publishes)``: the URL mix under load while an article is published every 5 s."""
    from bench.load import Mix, discover_urls  # bench/load.py imports this module: imported when needed

    with redis_server() as cache_url:
        env = {**env, "CACHE_URL": cache_url, "PAGE_CACHE_SECONDS": "300"}
        with gunicorn(env) as (base, _master):
            urls = discover_urls(base)  # fetches each URL once: the cache is warm when the clock starts
            mix = Mix(base, urls, connections, seconds, work)
            script = PUBLISHER.format(seconds=seconds, every=PUBLISH_EVERY_SECONDS, slug=PUBLISHED_ARTICLE)
            publisher = subprocess.run([PYTHON, "manage.py", "shell", "-c", script], cwd=ROOT, env=env,
                                       capture_output=True, text=True)
            result = mix.result()
    published = re.search(r"published (\d+)", publisher.stdout)
    if not published:
        raise RuntimeError(f"the publisher failed:\n{publisher.stdout}{publisher.stderr}")
    return result, int(published.group(1))


def print_publish_row(result, published):
    hits, misses, stale = result.page_cache["hit"], result.page_cache["miss"], result.page_cache.get("stale", 0)
    ratio = (hits + stale) / (hits + misses + stale) if hits + misses + stale else 0
    print(f"publish under load: {result.requests} requests in {result.seconds:.0f} s "
          f"({result.requests / result.seconds:.0f} req/s), {published} publishes; page cache hit ratio "
          f"{ratio:.3f} ({hits} hits, {stale} stale copies served while one request rebuilt, {misses} cold renders); p50 {result.latency_ms['p50']:.1f} ms, "
          f"p99 {result.latency_ms['p99']:.1f} ms; 5xx {result.server_errors}, socket errors {result.errors}")


def print_table(rows, memory):
    print(f"{'row':<26}{'req/s':>9}{'p50 ms':>8}{'p99 ms':>8}{'errors':>7}"
          f"{'×minimal':>9}{'×static':>8}{'×nginx static':>14}  target")
    for row in rows:
        ratios = "".join(f"{value:>{width}.2f}" if value is not None else " " * width
                         for value, width in ((row.minimal, 9), (row.static, 8), (row.nginx_static, 14)))
        print(f"{row.name:<26}{row.run.rps:>9.0f}{row.run.p50:>8.1f}{row.run.p99:>8.1f}{row.run.errors:>7}"
              f"{ratios}  {row.target}".rstrip())
    for mode, before, after, sent in memory:
        growth = after / before - 1
        verdict = "met" if growth < TARGET_RSS_GROWTH else "NOT met"
        print(f"worker RSS ({mode}): {before:.0f} MB after warm-up (1 request per URL), {after:.0f} MB after "
              f"{sent:,} requests to the workers: {growth:+.1%} (target <{TARGET_RSS_GROWTH:.0%}: {verdict})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--publish-seconds", type=int, default=60, help="publish under load; 0 skips it")
    parser.add_argument("--only-publish", action="store_true", help="skip the cold and warm tables")
    args = parser.parse_args()
    ensure_wrk()
    has_nginx = nginx.install()
    work = workspace()
    # Every request comes from 127.0.0.1: far more searches than /search/'s limit for one address.
    env = production_env(work, RATELIMIT_ALLOWED_MORE=f"127.0.0.1={SEARCHES_ALLOWED}")
    prepare(env)
    year = time.localtime().tm_year
    pages = [(name, path.format(year=year)) for name, path in PAGES]
    static_path = "/static/portal/css/" + next((work / "static/portal/css").glob("site.*.css")).name
    rows, memory = [], []
    for cache_mode in () if args.only_publish else ("cold", "warm"):
        with gunicorn({**env, "PAGE_CACHE_SECONDS": "300" if cache_mode == "warm" else "0"}) as (base, master):
            workers = worker_pids(master)
            for path in ["/bench/minimal/", static_path, *(path for _, path in pages)]:
                urllib.request.urlopen(base + path, timeout=30)  # imports, renditions, caches: once, not measured
            memory_before = rss_mb(workers)
            minimal = wrk(base + "/bench/minimal/", args.seconds, args.connections)
            static = wrk(base + static_path, args.seconds, args.connections)
            sent = minimal.requests + static.requests
            rows.append(Row(f"baseline: minimal ({cache_mode})", minimal, 1.0, minimal.rps / static.rps))
            rows.append(Row(f"baseline: static ({cache_mode})", static, static.rps / minimal.rps, 1.0))
            for name, path in pages:
                run = wrk(base + path, args.seconds, args.connections)
                sent += run.requests
                rows.append(Row(f"{name} ({cache_mode})", run, run.rps / minimal.rps, run.rps / static.rps))
            sent = top_up(base, [path for _, path in pages], sent, args.connections, work)
            memory.append((cache_mode, memory_before, rss_mb(workers), sent))
            if cache_mode == "warm" and has_nginx:
                rows += through_nginx(base, env, static_path, pages, args)
    print_table(rows, memory)
    if not has_nginx:
        print(f"no nginx rows: {nginx.MISSING}")
    if args.publish_seconds:
        print_publish_row(*publish_under_load(env, work, args.publish_seconds))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
