"""``/alerts/subscribe/…`` in each language (included under ``i18n_patterns`` by ``portal.urls``)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.subscribe, name="alert_subscribe"),
    path("confirm/<str:token>/", views.confirm, name="alert_subscription_confirm"),
    path("manage/<str:token>/", views.manage, name="alert_subscription_manage"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="alert_subscription_unsubscribe"),
]
