"""The read-only Wagtail API v2 (``/api/v2/``) for partner platforms: pages, images, documents, alerts.

Everything here is public already; the API only makes it machine-readable:

* ``pages/`` — live pages outside any view restriction, whoever asks (Wagtail's own endpoint would
  also show a logged-in editor the pages their groups may see). Each type's ``api_fields`` add what
  partners use: summary, audiences, topics, dates, a film's provider and duration.
* ``alerts/`` — published fraud alerts (``alerts.api``).
* ``images/`` and ``documents/`` — only files a live public page uses, or kept in a collection named in
  ``PUBLIC_MEDIA_COLLECTIONS`` (``foundation.api.in_public_use``): an embargoed upload is not listed.

Query parameters are hostile input: unknown parameters and malformed values answer 400, never 500.
No endpoint writes, and none exposes users, revisions or form submissions.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from alerts.api import AlertsAPIViewSet
from foundation.api import ValidatedParametersMixin, in_public_use
from foundation.privacy import public


class PublicPagesAPIViewSet(ValidatedParametersMixin, PagesAPIViewSet):
    def get_base_queryset(self):
        return public(super().get_base_queryset())


class PublicImagesAPIViewSet(ValidatedParametersMixin, ImagesAPIViewSet):
    def get_queryset(self):
        return in_public_use(super().get_queryset())


class PublicDocumentsAPIViewSet(ValidatedParametersMixin, DocumentsAPIViewSet):
    def get_queryset(self):
        return in_public_use(super().get_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("alerts", AlertsAPIViewSet)
