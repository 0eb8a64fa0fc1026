"""Whether the translation of a page or alert is ready: missing, out of date, or ready.

Wagtail links translations by a shared ``translation_key`` and does not say which one is the
original; on this site the original is the one in the default locale (``LANGUAGE_CODE``, Chinese),
and the others are its translations (English).

**Out of date** means: the source was published after the translation was last updated, that
is, the source's ``last_published_at`` is later than the ``created_at`` of the translation's
latest revision. Saving the translation (a draft is enough) marks it as brought up to date;
publishing the source again makes it out of date again. A source that was never published
makes no translation out of date.

``translation_state(obj)`` answers for one page or alert (a model with drafts, revisions and
translations), from either side:

* for a source: ``"missing"`` while some other locale has no translation, else ``"outdated"``
  when some translation is out of date, else ``"ready"``;
* for a translation: ``"outdated"`` when its source was published since, else ``"ready"``
  (a page written in English, with no Chinese source, is ready).

``annotate_translation_state(queryset)`` computes the same in SQL for a whole listing (one query),
as a ``translation_state`` annotation: the page explorer, the report of pages needing translation
and the checks panel use it, and so can anything else that lists content (a campaign calendar).
See https://docs.wagtail.org/en/stable/reference/models.html#translatablemixin
"""

from django.db.models import Case, CharField, Exists, OuterRef, Q, Value, When
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

MISSING = "missing"
OUTDATED = "outdated"
READY = "ready"
LABELS = {MISSING: _("Translation missing"), OUTDATED: _("Translation out of date"), READY: _("Translation ready")}


def annotate_translation_state(queryset):
    """``queryset`` (pages, or snippets with revisions and translations) with a ``translation_state`` annotation."""
    model = Page if issubclass(queryset.model, Page) else queryset.model
    default = Locale.get_default()
    same_key = model.objects.filter(translation_key=OuterRef("translation_key"))
    untranslated_locale = Locale.objects.exclude(pk=default.pk).exclude(
        pk__in=model.objects.filter(translation_key=OuterRef(OuterRef("translation_key"))).values("locale_id")
    )
    stale_translation = same_key.exclude(locale=default).filter(
        latest_revision__created_at__lt=OuterRef("last_published_at")
    )
    newer_source = same_key.filter(locale=default, last_published_at__gt=OuterRef("latest_revision__created_at"))
    is_source = Q(locale=default)
    return queryset.annotate(
        translation_state=Case(
            When(is_source & Exists(untranslated_locale), then=Value(MISSING)),
            When(is_source & Exists(stale_translation), then=Value(OUTDATED)),
            When(~is_source & Exists(newer_source), then=Value(OUTDATED)),
            default=Value(READY),
            output_field=CharField(),
        )
    )


def translation_state(obj):
    """``"missing"``, ``"outdated"`` or ``"ready"`` for one page or alert (see the module's docstring)."""
    model = Page if isinstance(obj, Page) else type(obj)
    rows = annotate_translation_state(model.objects.filter(pk=obj.pk))
    return rows.values_list("translation_state", flat=True).get()


def source_of(obj):
    """The original a translation was made from (its version in the default locale), or None for a source."""
    default = Locale.get_default()
    return None if obj.locale_id == default.pk else obj.get_translation_or_none(default)
