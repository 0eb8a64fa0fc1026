"""Lighthouse's four category scores for key pages of the demo, in both views (a figure, not a test).

    .venv/bin/python bench/lighthouse.py                      # serve the demo production-like, then measure
    .venv/bin/python bench/lighthouse.py --base-url URL       # measure a server that is already running

Needs ``make browser-deps`` (Debian's Chromium, node_modules/.bin/lighthouse 12.2.3 from package.json).
Lighthouse runs with its defaults: mobile emulation with simulated slow 4G and a 4x slower CPU.
The large-text view is measured by sending its cookie (``Cookie: view=large``).

Without ``--base-url`` the script measures what production serves, not the development server:

1. the demo goes into a throw-away SQLite database and media folder (``migrate`` + ``seed_demo``,
   under development settings because ``seed_demo`` refuses production ones), or into the
   database named by ``DATABASE_URL``;
2. every measured page is rendered once, so its image renditions exist when the server starts
   (WhiteNoise indexes files at start-up); ``collectstatic`` writes hashed, compressed static
   files into a temporary ``STATIC_ROOT``;
3. gunicorn serves ``portal.settings.production`` with a random ``SECRET_KEY``,
   ``ALLOWED_HOSTS=127.0.0.1``, ``SECURE_SSL_REDIRECT=false`` (plain HTTP on the loopback) and
   WhiteNoise for static files; media come through WhiteNoise too (``application_with_media``),
   standing in for the object storage/CDN that serves them in production;
4. Lighthouse measures each page in each view, one run at a time, and the table is printed.
"""

import argparse
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
LIGHTHOUSE = BASE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking "
    "--disable-component-update --disable-sync"
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# Pages of the seeded demo (portal/demo): home, a campaign, a case study, a platform film, a search.
PAGES = {
    "home": "/",
    "campaign": "/campaigns/anti-fraud-drive-2026/",
    "article": "/articles/fake-surrender-refund-agents/",
    "film": "/films/the-refund-call/",
    "search": "/search/?q=%E9%80%80%E4%BF%9D",
}
VIEWS = {"standard": None, "large": "view=large"}


def application_with_media():
    """gunicorn app factory: the production WSGI app, plus WhiteNoise serving MEDIA_ROOT at MEDIA_URL."""
    from django.conf import settings
    from whitenoise import WhiteNoise

    from portal.wsgi import application

    return WhiteNoise(application, root=settings.MEDIA_ROOT, prefix=settings.MEDIA_URL)


def render_pages():
    """Render every measured page in both views (inside Django), so its image renditions exist."""
    from django.test import Client

    for path in PAGES.values():
        for view in VIEWS:
            client = Client()
            client.cookies["view"] = view
            client.get(path)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, stdout=subprocess.DEVNULL)


def serve_demo(workdir):
    """Seed the demo, collect static files and start gunicorn; returns ``(process, base_url)``."""
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'demo.sqlite3'}")
    env.setdefault("MEDIA_ROOT", str(workdir / "media"))
    env["STATIC_ROOT"] = str(workdir / "static")
    print("Seeding the demo and collecting static files...", file=sys.stderr)
    dev = {**env, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}
    manage(dev, "migrate", "--noinput")
    manage(dev, "seed_demo")
    manage(dev, "shell", "-c", "from bench.lighthouse import render_pages; render_pages()")
    production = {
        **env, "DJANGO_SETTINGS_MODULE": "portal.settings.production", "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1", "SECURE_SSL_REDIRECT": "false", "DEBUG": "false",
    }
    manage(production, "collectstatic", "--noinput")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "bench.lighthouse:application_with_media()", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--log-level", "warning"],
        cwd=BASE_DIR, env=production,
    )
    base_url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base_url + "/healthz/", timeout=2)
            return process, base_url
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("gunicorn did not answer on " + base_url)


def lighthouse(url, cookie, workdir):
    """``({category: score 0-100}, [ids of failing audits])`` for one page."""
    report = workdir / "report.json"
    command = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS} --user-data-dir={tempfile.mkdtemp(dir=workdir)}",
    ]
    if cookie:
        command.append(f"--extra-headers={json.dumps({'Cookie': cookie})}")
    for _ in range(3):  # Lighthouse now and then loses the trace (NO_NAVSTART) on a busy machine
        if subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}).returncode == 0:
            break
        print("Lighthouse failed; trying again...", file=sys.stderr)
    else:
        raise SystemExit(f"Lighthouse failed three times on {url}")
    result = json.loads(report.read_text())
    scores = {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}
    failing = sorted(
        {
            ref["id"]
            for category in result["categories"].values()
            for ref in category["auditRefs"]
            if ref["weight"] and (result["audits"][ref["id"]]["score"] or 0) < 0.9
        }
    )
    return scores, failing


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", help="measure this running server instead of starting one")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists() or not Path(CHROMIUM).exists():
        raise SystemExit("Lighthouse or Chromium is missing: run `make browser-deps` first.")
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        workdir = Path(tmp)
        server, base_url = (None, args.base_url.rstrip("/")) if args.base_url else serve_demo(workdir)
        try:
            rows = []
            for page, path in PAGES.items():
                for view, cookie in VIEWS.items():
                    print(f"Lighthouse: {page} ({view})...", file=sys.stderr)
                    rows.append((page, view, *lighthouse(base_url + path, cookie, workdir)))
        finally:
            if server:
                server.terminate()
                server.wait()
    print(f"\n| page | view | {' | '.join(CATEGORIES)} | audits under 90 |")
    print("|---|---|" + "---:|" * len(CATEGORIES) + "---|")
    for page, view, scores, failing in rows:
        figures = " | ".join(str(scores[name]) for name in CATEGORIES)
        print(f"| {page} | {view} | {figures} | {', '.join(failing) or '—'} |")


if __name__ == "__main__":
    main()
