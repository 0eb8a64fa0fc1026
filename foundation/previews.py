"""Preview modes: an editor previews both views of the site from the edit form's preview panel.

The site has a standard and a large-text view of every page (``portal.large_text``: the ``view``
cookie sets ``request.large_text``, which ``base.html`` reads). A preview is a simulated request
(Wagtail's ``make_preview_request``, which sets ``request.is_preview`` and ``preview_mode``) that
carries the editor's own cookies, so the mode, not the editor's last choice on the public site,
decides the view. The view is set while the context is built, not in ``serve_preview``: routable
pages preview through their own ``serve_preview``, which calls no other, but every page renders
through ``get_context``.

How wide the preview is (phone, tablet, desktop) is the panel's own size switch
(``preview_sizes``; it opens at phone width), not a mode: the server renders the same HTML for
every width. See https://docs.wagtail.org/en/stable/reference/models.html#wagtail.models.PreviewableMixin
"""

from django.http import Http404
from django.utils.translation import gettext_lazy as _

STANDARD = "standard"
LARGE = "large"  # portal.large_text.LARGE, the cookie's value for the large-text view


class ViewPreviews:
    """Mixed into previewable models (pages, alerts) before Wagtail's ``PreviewableMixin``."""

    preview_modes = [(STANDARD, _("Standard view")), (LARGE, _("Large-text view"))]

    def show_preview_mode(self, request):
        """In a preview, show the view its mode names; a mode this object does not have is a 404."""
        if not getattr(request, "is_preview", False):
            return
        mode = request.preview_mode or self.default_preview_mode
        if mode not in dict(self.preview_modes):
            raise Http404(_("This preview mode does not exist."))
        request.large_text = mode == LARGE
