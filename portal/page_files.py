"""Files that belong to a page: ``<page url>poster.png``, ``<event url>event.ics``.

Wagtail serves pages on paths made of slugs and slashes only (``wagtail.urls``), so a path that
ends in a file name never reaches a page. This view hands ``/articles/x/poster.png`` to the page view as
``/articles/x/poster.png/``: the page's ``RoutablePageMixin`` sub-route of that name answers it,
through Wagtail's whole serving chain (live pages only, view restrictions, ``before_serve_page``
hooks). A page type without such a route answers 404, as for any unknown sub-path.
"""

from django.urls import re_path

from portal.routing import serve

FILE_NAMES = ("poster.png", "event.ics")


def serve_page_file(request, page_path, file_name):
    return serve(request, f"{page_path}{file_name}/")


urlpatterns = [
    re_path(
        r"^(?P<page_path>(?:[\w\-]+/)*)(?P<file_name>%s)$" % "|".join(name.replace(".", r"\.") for name in FILE_NAMES),
        serve_page_file,
        name="page_file",
    ),
]
