"""Server errors, and the special case of a database outage (503, not a traceback).

Rendering needs the database (pages, menus, contacts), so both error pages
are static templates with the emergency hotline in both languages.
``/healthz/`` reports the same outage as JSON (503) for load balancers.
"""

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.template.loader import render_to_string


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DatabaseError:
        return False


def server_error(request):
    """``handler500``: 503 with ``Retry-After`` when the database is down, else the plain 500 page."""
    if database_answers():
        return HttpResponse(render_to_string("500.html"), status=500)
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response
