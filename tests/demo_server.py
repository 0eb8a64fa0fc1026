"""A live server thread on the session's seeded demo, for tests that need real HTTP (browser, nginx).

Django's ``LiveServerThread`` reads the committed demo directly; pytest-django's ``live_server``
fixture would flush it after each test.
"""

import contextlib

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.test import Client
from django.test.testcases import LiveServerThread


@contextlib.contextmanager
def serving_demo(django_db_blocker, paths):
    """Render ``paths`` once in both views, then serve the demo; yields the server's port.

    The first render of a page creates its image renditions: done here, so the server's
    threads never race to write them.
    """
    with django_db_blocker.unblock():
        client = Client()
        for path in paths:
            for view in ("standard", "large"):
                client.cookies["view"] = view
                assert client.get(path).status_code == 200, path
    server = LiveServerThread("127.0.0.1", StaticFilesHandler)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    try:
        yield server.port
    finally:
        server.terminate()
