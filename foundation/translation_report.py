"""*Reports → Pages needing translation*: originals with no translation yet, or a translation out of date.

Lists the pages of the default locale (Chinese) the user may edit whose ``translation_state``
(``foundation.translations``) is "missing" or "outdated", with a link to what to do next: the
translate view for a missing one, the translation's edit view for one out of date.
See https://docs.wagtail.org/en/stable/extending/adding_reports.html
"""

import datetime

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .translations import LABELS, MISSING, OUTDATED, annotate_translation_state


class PagesNeedingTranslationView(PageReportView):
    page_title = _("Pages needing translation")
    header_icon = "globe"
    results_template_name = "foundation/translation_report_results.html"
    index_url_name = "foundation_translation_report"
    index_results_url_name = "foundation_translation_report_results"
    permission_required = "change"
    list_export = PageReportView.list_export + ["translation_state_label"]
    export_headings = {**PageReportView.export_headings, "translation_state_label": _("Translation")}

    def get_filename(self):
        return f"pages-needing-translation-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
        pages = annotate_translation_state(editable.filter(locale=Locale.get_default(), depth__gt=1))
        self.queryset = pages.filter(translation_state__in=(MISSING, OUTDATED)).order_by("path").specific(defer=True)
        return super().get_queryset()

    def decorate_paginated_queryset(self, pages):
        """Each page with its state's label and where to act on it (the translation's edit view when it has one)."""
        translations = {}
        keys = [page.translation_key for page in pages if page.translation_state == OUTDATED]
        for translation in Page.objects.filter(translation_key__in=keys).exclude(locale=Locale.get_default()):
            translations.setdefault(translation.translation_key, translation)
        for page in pages:
            page.translation_state_label = LABELS[page.translation_state]
            translation = translations.get(page.translation_key)
            page.translation_action_url = (
                reverse("wagtailadmin_pages:edit", args=[translation.pk]) if translation
                else reverse("simple_translation:submit_page_translation", args=[page.pk])
            )
        return pages


class PagesNeedingTranslationMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_permission(request.user, "change")
