import os

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.http import HttpResponse
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from alerts.feeds import AlertsFeed
from articles.feeds import ArticlesFeed
from campaigns.calendar import upcoming_events_calendar
from portal import page_files, routing
from portal.api import api_router
from portal.health import healthz
from portal.security import ThrottledLoginView, ThrottledPasswordResetView
from portal.sitemap import sitemap
from portal.staff_calendar.feed import staff_calendar_feed
from review.contact_check import check_api, contact_check
from review.feeds import ReportedContactsFeed
from search import views as search_views

urlpatterns = [
    path("admin/login/", ThrottledLoginView.as_view(), name="wagtailadmin_login"),
    path("admin/password_reset/", ThrottledPasswordResetView.as_view(), name="wagtailadmin_password_reset"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Outside /admin/: a calendar app fetches it without a session (the signed token is the credential).
    path("admin-calendar/<str:token>.ics", staff_calendar_feed, name="staff_calendar_feed"),
    path("healthz/", healthz, name="healthz"),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
]

if os.environ.get("PORTAL_BENCH_VIEWS") == "1":
    # The benchmarks' baseline: the cheapest possible Django response on the same server.
    urlpatterns.append(path("bench/minimal/", lambda request: HttpResponse("ok"), name="bench_minimal"))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("feeds/alerts/", AlertsFeed(), name="feed_alerts"),
    path("feeds/articles/", ArticlesFeed(), name="feed_articles"),
    path("events.ics", upcoming_events_calendar, name="events_ics"),
    path("feeds/reported-contacts/", ReportedContactsFeed(), name="feed_reported_contacts"),
    path("check/", contact_check, name="contact_check"),
    path("api/check/", check_api, name="check_api"),
    path("alerts/subscribe/", include("alerts.subscriptions.urls")),
    path("", include(page_files)),  # <page url>poster.png, <event url>event.ics
    # Wagtail's password form and login redirect for private pages (/_util/...): before the pages'
    # pattern, which "_util/login/" would match too (and answer 404).
    path("", include([pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"])),
    # Pages: Wagtail's serving chain, with the page found in one query (portal.routing).
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    prefix_default_language=False,
)

handler400 = "portal.views.bad_request"
handler500 = "portal.outage.server_error"
