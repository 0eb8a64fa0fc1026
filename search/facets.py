"""Facet counts turned into links: each option adds its filter to the current query; a chosen one removes it."""

from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from foundation import cache
from foundation.models import Audience

from .kinds import searchable_kinds

TITLES = {"type": _("Type"), "audience": _("Audience"), "topic": _("Topic"), "year": _("Year")}


def query_string(params, **changes):
    """``params`` (a dict) with ``changes`` applied (None removes a key), url-encoded, page reset."""
    merged = {key: value for key, value in params.items() if value not in (None, "") and key != "page"}
    for key, value in changes.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return urlencode(merged)


def _audience_names(language):
    """``{slug: name}`` of the audiences in ``language``: kept until an audience changes (``cache.forget``)."""
    return dict(Audience.objects.filter(locale__language_code=language).values_list("slug", "name"))


def facet_groups(results, params, language):
    """``[{"name", "title", "options": [{"label", "count", "url", "selected"}]}]`` for the template."""
    audience_names = cache.versioned("audience-names", language, compute=lambda: _audience_names(language))
    topic_slugs = [value for value, _count in results.facets.get("topic", [])]
    topic_names = dict(Tag.objects.filter(slug__in=topic_slugs).values_list("slug", "name")) if topic_slugs else {}
    labels = {"type": searchable_kinds(), "audience": audience_names, "topic": topic_names}
    groups = []
    for name in ("type", "audience", "topic", "year"):
        options = []
        for value, count in results.facets.get(name, []):
            selected = str(params.get(name) or "") == str(value)
            options.append({
                "label": labels.get(name, {}).get(value, value),
                "count": count,
                "selected": selected,
                "url": "?" + query_string(params, **{name: None if selected else value}),
            })
        if options:
            groups.append({"name": name, "title": TITLES[name], "options": options})
    return groups
