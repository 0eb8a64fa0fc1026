"""The translations in the admin: their state in the page explorer and the report of pages needing translation."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .translation_report import PagesNeedingTranslationMenuItem, PagesNeedingTranslationView
from .translations import annotate_translation_state


@hooks.register("construct_explorer_page_queryset")
def explorer_translation_state(parent_page, pages, request):
    """Each listed page knows its ``translation_state`` (the status cell shows "out of date"), in the same query."""
    return annotate_translation_state(pages)


@hooks.register("register_admin_urls")
def translation_report_urls():
    return [
        path("reports/translation/", PagesNeedingTranslationView.as_view(), name="foundation_translation_report"),
        path("reports/translation/results/", PagesNeedingTranslationView.as_view(results_only=True),
             name="foundation_translation_report_results"),
    ]


@hooks.register("register_reports_menu_item")
def translation_report_menu_item():
    return PagesNeedingTranslationMenuItem(
        _("Pages needing translation"), reverse("foundation_translation_report"), name="pages-needing-translation",
        icon_name="globe", order=750,
    )
