"""Security headers Django has no setting for, and the throttled admin login and password reset."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.utils.decorators import method_decorator
from django_ratelimit.decorators import ratelimit
from wagtail.admin.views.account import LoginView, PasswordResetView


class PermissionsPolicyMiddleware:
    """Adds ``Permissions-Policy`` (settings.PERMISSIONS_POLICY) to every response that lacks one."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}={allowlist}" for feature, allowlist in settings.PERMISSIONS_POLICY.items())

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response


class PreviewFramingMiddleware:
    """Lets the admin's preview panel frame a preview, and nobody else frame anything.

    Wagtail renders a preview by running a simulated request for the object's public URL through
    the whole middleware stack (``make_preview_request``), so the preview picks up the public
    site's ``frame-ancestors 'none'`` and the panel's iframe stays blank. Wagtail marks that request
    ``is_preview``; only its response may be framed, and only by the admin's own origin. The admin
    view that returns it already forces ``X-Frame-Options: SAMEORIGIN``; this sets the same here so
    the two headers agree whichever view returns a preview. Must sit inside (after) the CSP and
    clickjacking middleware, which read what it sets on the way out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_preview", False):
            response["X-Frame-Options"] = "SAMEORIGIN"
            # What django-csp's ``csp_replace`` decorator sets; its middleware applies it.
            response._csp_replace = {"frame-ancestors": ["'self'"]}
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own policy (``ADMIN_CONTENT_SECURITY_POLICY``) under ``/admin/``.

    Wagtail 8's admin still writes inline ``<script>`` (date pickers, inline panels) and inline
    ``style`` attributes, so the public policy would break it; the admin's policy allows those
    inline, and nothing from any other origin: no third-party script, style, font or connection,
    forms posting only here, and framing only by the admin itself (its preview panel shows the
    preview view, under ``/admin/``, in an iframe).
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith(settings.ADMIN_URL_PREFIX):
            return PolicyParts(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"], parts.update, parts.replace,
                               parts.nonce)
        return parts


# Ten login attempts a minute per address: enough for a person, useless for password guessing.
ThrottledLoginView = method_decorator(ratelimit(key="ip", rate="10/m", method="POST", block=True), name="dispatch")(
    LoginView
)

# Five reset requests an hour per address: each one sends an e-mail, so an unthrottled form lets anyone
# flood an editor's mailbox (and probe which addresses have accounts by timing).
ThrottledPasswordResetView = method_decorator(
    ratelimit(key="ip", rate="5/h", method="POST", block=True), name="dispatch"
)(PasswordResetView)
