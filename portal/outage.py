"""Server errors, and the special case of a database outage (503, not a traceback).

Rendering needs the database (pages, menus, contacts), so the error page is
one static template (``500.html``, for both statuses) with the emergency
hotline in both languages.
``/healthz/`` reports the same outage as JSON (503) for load balancers.
"""

import sys

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.template.loader import render_to_string


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DatabaseError:
        return False


def lost_the_database(error):
    """Whether ``error`` (or what caused it) is the database connection failing, not a bug."""
    while error is not None:
        if isinstance(error, (OperationalError, InterfaceError)):
            return True
        error = error.__cause__ or error.__context__
    return False


def server_error(request):
    """``handler500``: 503 with ``Retry-After`` when the database is down, else the plain 500 page.

    The error itself says whether the connection failed: a request that failed while the
    database was away still gets the 503 when the database is back by the time this runs (a
    restart). The probe covers errors that hide their cause.
    """
    # Django calls handler500 while it handles the exception, so it is still at hand here.
    if not lost_the_database(sys.exc_info()[1]) and database_answers():
        return HttpResponse(render_to_string("500.html"), status=500)
    response = HttpResponse(render_to_string("500.html"), status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response
