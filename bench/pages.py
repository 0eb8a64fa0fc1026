"""Page-serving benchmark: figures, not a test.

    .venv/bin/python bench/pages.py [--seconds 10] [--connections 16]

Builds the seeded demo in a throw-away SQLite database, collects static files,
starts gunicorn (2 workers, production settings, DEBUG off, plain HTTP) on a
free loopback port and drives it with ``wrk`` (Debian's package, installed if
missing). In the same run it measures two baselines on the same server: a
minimal Django view (``/bench/minimal/``, only mounted when
``PORTAL_BENCH_VIEWS=1``) and a static file served by WhiteNoise. Every page
figure is printed with its ratio to those baselines, cold (cache off: each
request renders) and warm (cache on), plus worker memory before and after.
"""

import argparse
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from server import gunicorn, prepare, production_env, workspace  # noqa: E402

PAGES = [
    ("home", "/"),
    ("campaign", "/campaigns/anti-fraud-drive-{year}/"),
    ("article", "/articles/fake-surrender-refund-agents/"),
    ("film", "/films/the-refund-call/"),
    ("audience", "/for-elderly/"),
    ("search", "/search/?q=%E9%80%80%E4%BF%9D"),
]


def ensure_wrk():
    if shutil.which("wrk"):
        return
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, capture_output=True)
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)


def wrk(url, seconds, connections):
    """Requests/s, p50 and p99 latency (ms) and the count of non-2xx/3xx answers."""
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url], capture_output=True, text=True, check=True
    )
    out = result.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def latency(percent):
        value, unit = re.search(rf"\s{percent}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, latency(50), latency(99), int(errors.group(1)) if errors else 0


def rss_mb(pids):
    total = 0
    for pid in pids:
        status = Path(f"/proc/{pid}/status").read_text()
        total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
    return total / 1024


def worker_pids(master):
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    ensure_wrk()
    work = workspace()
    env = production_env(work)
    prepare(env)
    year = time.localtime().tm_year
    static_file = next((work / "static/portal/css").glob("site.*.css")).name
    results = []
    for cache_mode in ("cold", "warm"):
        with gunicorn({**env, "PAGE_CACHE_SECONDS": "300" if cache_mode == "warm" else "0"}) as (base, master):
            workers = worker_pids(master)
            memory_before = rss_mb(workers)
            minimal = wrk(base + "/bench/minimal/", args.seconds, args.connections)
            static = wrk(f"{base}/static/portal/css/{static_file}", args.seconds, args.connections)
            if cache_mode == "cold":
                results.append(("baseline: minimal view", *minimal, 1.0, minimal[0] / static[0]))
                results.append(("baseline: static file", *static, static[0] / minimal[0], 1.0))
            for name, path in PAGES:
                url = base + path.format(year=year)
                urllib.request.urlopen(url, timeout=10)  # renditions and caches are made once, not measured
                figures = wrk(url, args.seconds, args.connections)
                results.append((f"{name} ({cache_mode})", *figures, figures[0] / minimal[0], figures[0] / static[0]))
            memory_after = rss_mb(workers)
            results.append((f"worker RSS MB ({cache_mode})", memory_before, memory_after, 0, 0,
                            memory_after / memory_before, 0))
    print(f"{'row':<30}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'×minimal':>10}{'×static':>9}")
    for row in results:
        if row[0].startswith("worker RSS"):
            print(f"{row[0]:<30}{'before':>10} {row[1]:.0f} MB, after {row[2]:.0f} MB, growth ×{row[5]:.2f}")
            continue
        print(f"{row[0]:<30}{row[1]:>10.0f}{row[2]:>9.1f}{row[3]:>9.1f}{row[4]:>8}{row[5]:>10.2f}{row[6]:>9.2f}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
