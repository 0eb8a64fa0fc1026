"""A production-like demo server for the benchmarks: gunicorn, production settings, plain HTTP, loopback only."""

import contextlib
import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv/bin/python")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(work, **extra):
    """Environment for production settings on loopback HTTP, with the demo database in ``work``."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "SECURE_HSTS_SECONDS": "0",
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{work}/bench.sqlite3"),
        "MEDIA_ROOT": str(work / "media"),
        "STATIC_ROOT": str(work / "static"),
        "PORTAL_BENCH_VIEWS": "1",
        **extra,
    }


def prepare(env):
    """Migrate, seed the demo (as development settings allow), build the search entries, collect static files.

    Seeding queues the pages for the search (``search.queue``) as a database task, and no worker runs
    here to drain it: ``search_rebuild`` writes the database search's entries (and, when
    ``ELASTICSEARCH_URL`` is set, the engine's index), or every search would find nothing.
    """
    commands = (["migrate", "-v0"], ["seed_demo"], ["search_rebuild"], ["collectstatic", "--noinput", "-v0"])
    for command in commands:
        command_env = {**env, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"} if command[0] == "seed_demo" else env
        subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=command_env, check=True, capture_output=True)


def manage(env, *args):
    return subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)


@contextlib.contextmanager
def gunicorn(env, workers=2):
    """Run gunicorn on a free loopback port until the block ends; yields (base URL, master pid)."""
    port = free_port()
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "portal.wsgi", "-w", str(workers), "-b", f"127.0.0.1:{port}",
         "--log-level", "warning"],
        cwd=ROOT, env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/healthz/", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        yield base, server.pid
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def workspace():
    return Path(tempfile.mkdtemp(prefix="bench-"))
