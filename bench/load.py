"""Load test: many connections over a mix of public URLs; passes with 0 socket errors and 0 5xx.

    .venv/bin/python bench/load.py [--connections 64] [--seconds 60] [--cold]
                                   [--database sqlite|postgres] [--search-engine] [--workers N]

Seeds the demo in a throw-away workspace and serves it with gunicorn under
production settings on a free loopback port (``bench/server.py``). With
``--database postgres`` it runs on a PostgreSQL server of its own, and with
``--search-engine`` on an Elasticsearch node of its own (``scripts/postgres``,
``scripts/search-engine`` on free ports, with their own data directories):
nobody else's server is touched. The URL list is read from the running demo:
every page in ``/sitemap.xml``, some of them in the large-text view, and the
files those pages link to (posters, calendars, static CSS), plus searches in
both languages, feeds, ``/check/``, ``robots.txt`` and the sitemap itself.

``wrk`` then drives the mix (``bench/wrk/mix.lua``) with a 10 s socket timeout:
a request slower than that counts as an error. The anonymous page cache is on
(as in production) unless ``--cold`` turns it off, so that every page renders.
Prints the figures and a PASS/FAIL line; exits 1 on FAIL.
"""

import argparse
import collections
import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import ensure_wrk  # noqa: E402
from server import ROOT, free_port, gunicorn, manage, prepare, production_env, workspace  # noqa: E402

MIX_SCRIPT = Path(__file__).resolve().parent / "wrk/mix.lua"
WRK_TIMEOUT_SECONDS = 10
LARGE_TEXT = {"Cookie": "view=large"}


def search_path(language_prefix, query, **filters):
    return f"{language_prefix}/search/?" + urllib.parse.urlencode({"q": query, **filters})


SEARCHES = [
    search_path("", "退保"), search_path("", "电信诈骗"), search_path("", "养老 风险"),
    search_path("", "验证码", sort="date"), search_path("/en", "fraud"), search_path("/en", "refund agent"),
    search_path("/en", "pension scam", type="article"), search_path("/en", "fundraising", audience="elderly"),
]
FIXED_PATHS = [
    "/robots.txt", "/sitemap.xml", "/feeds/alerts/", "/en/feeds/alerts/", "/feeds/articles/", "/en/feeds/articles/",
    "/events.ics", "/check/?q=95511", "/en/check/?q=95512", "/?view=large",
]
FILE_LINK = re.compile(r'(?:href|src)="(/[^"?#]*?(?:poster\.png|event\.ics|\.css))"')
FILES_PER_KIND = 3  # a few posters and calendars are enough; drawing every poster would measure Pillow


Answer = collections.namedtuple("Answer", "status headers body")


def fetch(url, headers=None, timeout=WRK_TIMEOUT_SECONDS):
    """An ``Answer``: an HTTP error is an answer too; a socket error is status 0."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=timeout) as answer:
            return Answer(answer.status, answer.headers, answer.read().decode(errors="replace"))
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers, error.read().decode(errors="replace"))
    except OSError as error:
        return Answer(0, {}, str(error))


def sitemap_paths(base):
    """Paths of every page in the running demo's sitemap (its host is SITE_BASE_URL's, not ours)."""
    sitemap = fetch(base + "/sitemap.xml").body
    return [urllib.parse.urlsplit(loc).path for loc in re.findall(r"<loc>(.*?)</loc>", sitemap)]


def discover_urls(base):
    """The mix, as ``(path, headers)`` pairs, read from the running demo.

    Each page of the sitemap is fetched once: that finds the files the pages link to. Then
    every URL of the mix is fetched once, which draws the few posters before the clock starts.
    """
    pages = sitemap_paths(base)
    files = collections.defaultdict(list)
    for path in pages:
        for link in FILE_LINK.findall(fetch(base + path).body):
            kind = link.rsplit(".", 1)[-1]
            if link not in files[kind] and len(files[kind]) < FILES_PER_KIND:
                files[kind].append(link)
    paths = pages + SEARCHES + FIXED_PATHS + [link for links in files.values() for link in links]
    urls = [(path, {}) for path in paths] + [(path, LARGE_TEXT) for path in pages[::4]]
    for path, headers in urls:
        fetch(base + path, headers)
    return urls


def manage_checked(env, *args):
    """``manage.py`` with ``args``; a failure stops the run and shows what the command said."""
    done = manage(env, *args)
    if done.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def logging_to(env, log):
    """``env`` with the workers' output, Django's error log included, going to the file ``log``.

    ``GUNICORN_CMD_ARGS`` is gunicorn's own variable, so ``bench/server.py`` needs no option for it.
    """
    return {**env, "GUNICORN_CMD_ARGS": f"--capture-output --error-logfile {log}"}


def tracebacks(log):
    """How many tracebacks the workers logged to ``log`` (see ``logging_to``)."""
    return Path(log).read_text(errors="replace").count("Traceback") if Path(log).exists() else 0


@dataclass
class MixResult:
    requests: int
    seconds: float
    latency_ms: dict
    socket_errors: dict
    statuses: collections.Counter
    page_cache: dict
    leaks: int

    @property
    def server_errors(self):
        return sum(count for status, count in self.statuses.items() if status >= 500)

    @property
    def errors(self):
        return sum(self.socket_errors.values())

    def lines(self):
        rate = self.requests / self.seconds if self.seconds else 0
        latency = ", ".join(f"{name} {value:.1f} ms" for name, value in self.latency_ms.items())
        return [
            f"requests        {self.requests} in {self.seconds:.1f} s ({rate:.1f} req/s)",
            f"latency         {latency}",
            "status          " + ", ".join(f"{status}: {count}" for status, count in sorted(self.statuses.items())),
            "socket errors   " + ", ".join(f"{name} {count}" for name, count in self.socket_errors.items()),
            "page cache      " + ", ".join(f"{outcome} {count}" for outcome, count in self.page_cache.items())
            + " (other answers are not cacheable: search, feeds, files, redirects, errors)",
            f"5xx answers     {self.server_errors}",
            f"error bodies with a traceback or exception name: {self.leaks}",
        ]


class Mix:
    """``wrk`` over the URL mix in the background; ``stop()`` ends it early and it still reports."""

    def __init__(self, base, urls, connections, seconds, work):
        url_file = Path(work) / "mix-urls.txt"
        lines = (path + "".join(f"\t{name}: {value}" for name, value in headers.items()) for path, headers in urls)
        url_file.write_text("".join(line + "\n" for line in lines))
        self.process = subprocess.Popen(
            ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s",
             f"--timeout={WRK_TIMEOUT_SECONDS}s", "-s", str(MIX_SCRIPT), base, "--", str(url_file)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        self.seconds = seconds

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # wrk stops its threads and still runs done()

    def result(self):
        out, _ = self.process.communicate(timeout=self.seconds + 60)
        figures = dict(line.split()[1:3] for line in out.splitlines() if line.startswith("mix "))
        if "requests" not in figures:
            raise RuntimeError(f"wrk did not report:\n{out}")
        return MixResult(
            requests=int(figures["requests"]),
            seconds=int(figures["duration_us"]) / 1e6,
            latency_ms={name: int(figures[f"{name}_us"]) / 1000 for name in ("p50", "p90", "p99", "max")},
            socket_errors={name: int(figures[f"error_{name}"]) for name in ("connect", "read", "write", "timeout")},
            statuses=collections.Counter(
                {int(key[7:]): int(value) for key, value in figures.items() if key.startswith("status_")}
            ),
            page_cache={outcome: int(figures.get(f"page_cache_{outcome}", 0)) for outcome in ("hit", "miss", "stale")},
            leaks=int(figures["leaks"]),
        )


class Service:
    """A server from ``scripts/`` on a free loopback port, with a home directory of its own.

    Never the developers' instance: the port and the data are ours, and both go when the block ends.
    """

    script = port_variable = home_variable = ""

    def __init__(self, **settings):
        self.port = free_port()
        # Directly under /tmp, not in the workspace: scripts/postgres hands the directory to the postgres user.
        self.home = Path(tempfile.mkdtemp(prefix=f"bench-{self.script}-"))
        self.env = {**os.environ, self.port_variable: str(self.port), self.home_variable: str(self.home), **settings}

    def _run(self, command):
        subprocess.run([ROOT / "scripts" / self.script, command], env=self.env, check=True, capture_output=True)

    def start(self):
        self._run("start")

    def stop(self):
        self._run("stop")

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc_info):
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()
        shutil.rmtree(self.home, ignore_errors=True)


class Postgres(Service):
    script, port_variable, home_variable = "postgres", "POSTGRES_PORT", "POSTGRES_HOME"

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/portal"


class SearchEngine(Service):
    script, port_variable, home_variable = "search-engine", "SEARCH_ENGINE_PORT", "SEARCH_ENGINE_HOME"

    def __init__(self, **settings):
        super().__init__(SEARCH_ENGINE_START_TIMEOUT="120", **settings)
        # The node is built by Maven into <home>/build; a copy of the developers' build (its source
        # digest included) saves that build, and scripts/search-engine rebuilds if it is stale.
        built = ROOT / ".search-engine/build"
        if (built / ".sources.sha256").exists():
            shutil.copytree(built, self.home / "build", symlinks=True)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"


def report(args, urls, result, log):
    """Print the run's figures and its verdict; returns the exit status."""
    cache = "off (--cold)" if args.cold else "on (300 s)"
    search = "its own Elasticsearch node" if args.search_engine else "the database backend"
    print(f"load: {args.connections} connections × {args.seconds} s, wrk socket timeout {WRK_TIMEOUT_SECONDS} s "
          "(a slower answer counts as an error)")
    print(f"server: gunicorn, {args.workers} workers, production settings, page cache {cache}, "
          f"{args.database} (throw-away), search on {search}")
    print(f"URL mix         {len(urls)} requests in rotation (sitemap pages, a quarter of them also in the "
          "large-text view, searches, feeds, files)")
    for line in result.lines():
        print(line)
    print(f"server log      {log.count('Traceback')} tracebacks")
    if "Traceback" in log:
        print("first traceback in the server log:\n" + log[log.index("Traceback"):][:3000])
    failures = [text for text, failed in [("socket errors", result.errors), ("5xx answers", result.server_errors),
                                          ("leaked tracebacks", result.leaks), ("no requests", not result.requests)]
                if failed]
    print("FAIL: " + ", ".join(failures) if failures else "PASS: 0 socket errors and 0 5xx")
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--cold", action="store_true", help="page cache off: every page request renders")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--search-engine", action="store_true", help="start an Elasticsearch node for the search")
    parser.add_argument("--workers", type=int, default=2 * os.cpu_count() + 1, help="gunicorn workers")
    args = parser.parse_args()
    ensure_wrk()
    subprocess.run([ROOT / "scripts/poster-deps"], check=True)  # without a CJK font posters answer 503
    work = workspace()
    with contextlib.ExitStack() as stack:
        stack.callback(shutil.rmtree, work, ignore_errors=True)
        extra = {"PAGE_CACHE_SECONDS": "0" if args.cold else "300"}
        if args.database == "postgres":
            extra["DATABASE_URL"] = stack.enter_context(Postgres()).url
        engine = stack.enter_context(SearchEngine()) if args.search_engine else None
        env = logging_to(production_env(work, **extra), work / "gunicorn.log")
        prepare(env)
        if engine:
            env["ELASTICSEARCH_URL"] = engine.url
            manage_checked(env, "search_rebuild")
        with gunicorn(env, workers=args.workers) as (base, _):
            urls = discover_urls(base)
            result = Mix(base, urls, args.connections, args.seconds, work).result()
        log = (work / "gunicorn.log").read_text(errors="replace")  # before the workspace goes
    return report(args, urls, result, log)


if __name__ == "__main__":
    sys.exit(main())
