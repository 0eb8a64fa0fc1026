"""The alerts app in the admin: the syndication timeline's URLs and menu item, and the failed-deliveries panel."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .syndication import admin_views
from .syndication.admin_panels import FailedDeliveriesPanel


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("alerts/syndication/", admin_views.index, name="alert_syndication_index"),
        path("alerts/syndication/<int:alert_id>/", admin_views.timeline, name="alert_syndication_timeline"),
        path("alerts/syndication/delivery/<int:delivery_id>/retry/", admin_views.retry, name="alert_delivery_retry"),
        path("alerts/syndication/manual/<int:post_id>/tick/", admin_views.tick, name="alert_manual_post_tick"),
    ]


class SyndicationMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.VIEW)


@hooks.register("register_admin_menu_item")
def register_syndication_menu_item():
    return SyndicationMenuItem(_("Alert deliveries"), reverse("alert_syndication_index"), icon_name="mail",
                               order=210)


@hooks.register("construct_homepage_panels")
def add_failed_deliveries_panel(request, panels):
    if request.user.has_perm(admin_views.VIEW):
        panels.append(FailedDeliveriesPanel())
