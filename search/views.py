"""The public search page.

This first version answers from Wagtail's database backend over live, public
pages in the visitor's language; the Elasticsearch-backed search replaces the
query part and keeps this view's contract (``?q=&page=``).
"""

from django import forms
from django.core.exceptions import BadRequest
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from portal.listing import MAX_PAGE, paginate
from portal.privacy import public

MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=MAX_QUERY_LENGTH, strip=True, label=_("Search"))
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    def clean_q(self):
        # Control characters never belong in a query; refusing them keeps logs and engines clean.
        query = self.cleaned_data["q"]
        if any(ord(ch) < 32 for ch in query):
            raise forms.ValidationError(_("The search contains characters that are not allowed."))
        return query


def search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        raise BadRequest(_("Invalid search: %s") % ", ".join(sorted(form.errors)))
    query = form.cleaned_data["q"]
    results = None
    if query:
        pages = public(Page.objects.live()).filter(locale=Locale.get_active()).exclude(depth__lte=1).specific()
        results = paginate(pages.search(query), form.cleaned_data["page"])
    return render(request, "search/search.html", {"form": form, "query": query, "results": results})
