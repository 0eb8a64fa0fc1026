"""What a copy made for translation points at: the target language's audiences, topics, snippets and pages.

Wagtail's translate action (``wagtail.contrib.simple_translation``, ``copy_for_translation``) copies
a page or snippet field for field, so the English copy of a Chinese article would keep the Chinese
audiences, topics, official contacts and related pages. After each copy Wagtail sends
``copy_for_translation_done``; ``point_at_target_locale`` then replaces every reference to a
translatable object — foreign keys, parental many-to-many fields (audiences), chooser blocks
anywhere in a StreamField — by its translation in the copy's locale (same ``translation_key``)
when there is one, and leaves it as it is otherwise. Topics are tags, which have no locale:
``topic_counterparts`` learns which English tag stands for a Chinese one from the pages already
translated, and tags it cannot match are dropped rather than carried over in Chinese.

The copy never bypasses the review: Wagtail copies pages as drafts, and a copied alert is made a
draft here (the copy of a live alert would otherwise be live) with a first revision, whose time
is when the translation was last updated (``foundation.translations``).
See https://docs.wagtail.org/en/stable/reference/signals.html#copy-for-translation-done
"""

from collections import Counter

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, Page, RevisionMixin, TranslatableMixin, get_page_models
from wagtail.signals import copy_for_translation_done

# A copy's own link to the page it is an alias of is not a reference to translate.
NOT_REFERENCES = frozenset({"alias_of"})


def counterpart(obj, locale):
    """``obj``'s translation in ``locale``, or ``obj`` itself when it is not translated (or not translatable)."""
    if not isinstance(obj, TranslatableMixin) or obj.locale_id == locale.pk:
        return obj
    return obj.get_translation_or_none(locale) or obj


def remap_block_value(block, value, locale):
    """A StreamField value with every chooser of a translatable model pointed at ``locale`` (changed in place)."""
    if isinstance(block, blocks.ChooserBlock):
        return counterpart(value, locale) if value is not None else None
    if isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            value[name] = remap_block_value(child_block, value[name], locale)
    elif isinstance(block, blocks.ListBlock):
        for child in value.bound_blocks:
            child.value = remap_block_value(block.child_block, child.value, locale)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            child.value = remap_block_value(child.block, child.value, locale)
    return value


def topic_counterparts(page, source_locale, locale):
    """``{source tag id: target tag}`` for the topics ``page`` was copied with, learnt from the pages already
    translated from ``source_locale`` into ``locale`` (articles and films share their topic tags).

    Each pair of translations votes for the pairs of tags they wear; the most voted pairs are taken
    first, one target tag per source tag (so 电信诈骗 ↔ "telecom fraud" wins over 冒充身份 ↔ "telecom
    fraud" when many telecom-fraud articles are translated)."""
    wanted = {tag.pk for tag in page.topics.all()}
    if not wanted:
        return {}
    source_tags, target_tags = {}, {}
    for through in {model.topics.through for model in get_page_models() if hasattr(model, "topics")}:
        rows = (through.objects.filter(content_object__locale__in=(source_locale, locale))
                .exclude(content_object__translation_key=page.translation_key)  # the copy itself
                .values_list("content_object__translation_key", "content_object__locale_id", "tag_id"))
        for key, locale_id, tag_id in rows:
            (source_tags if locale_id == source_locale.pk else target_tags).setdefault(key, set()).add(tag_id)
    votes = Counter((source, target) for key, sources in source_tags.items()
                    for source in sources for target in target_tags.get(key, ()))
    chosen, taken = {}, set()
    for (source, target), _count in sorted(votes.items(), key=lambda item: (-item[1], item[0])):
        if source not in chosen and target not in taken:
            chosen[source] = target
            taken.add(target)
    tags = {tag.pk: tag for tag in page.topics.through.tag_model().objects.filter(pk__in=chosen.values())}
    return {source: tags[target] for source, target in chosen.items() if source in wanted}


def point_references_at(obj, source_locale, locale):
    """Point the foreign keys, parental many-to-many fields, chooser blocks and topics of ``obj``, a copy made from
    ``source_locale``, at ``locale``."""
    for field in obj._meta.concrete_fields:
        related = field.related_model
        if field.many_to_one and related and issubclass(related, TranslatableMixin) and field.name not in NOT_REFERENCES:
            setattr(obj, field.name, counterpart(getattr(obj, field.name), locale))
        elif isinstance(field, StreamField):
            setattr(obj, field.name, remap_block_value(field.stream_block, getattr(obj, field.name), locale))
    for field in obj._meta.many_to_many:
        if issubclass(field.related_model, TranslatableMixin) and hasattr(getattr(obj, field.name), "all"):
            setattr(obj, field.name, [counterpart(item, locale) for item in getattr(obj, field.name).all()])
    if isinstance(obj, Page) and hasattr(obj, "topics"):
        mapping = topic_counterparts(obj, source_locale, locale)
        obj.topics.set([mapping[tag.pk] for tag in obj.topics.all() if tag.pk in mapping], clear=True)


@receiver(copy_for_translation_done)
def point_at_target_locale(sender, source_obj, target_obj, **kwargs):
    source_locale, locale = source_obj.locale, target_obj.locale
    if isinstance(target_obj, Page):
        if target_obj.alias_of_id:  # an alias shows its original's content and follows it: nothing of its own
            return
        # Saved already, as a draft with one revision: the edit view shows that revision, so it changes too.
        point_references_at(target_obj, source_locale, locale)
        target_obj.save()
        revision = target_obj.latest_revision
        revision.content = target_obj.serializable_data()
        revision.save(update_fields=["content"])
        return
    # A snippet copy is not saved yet (the translate view saves it next).
    if isinstance(target_obj, DraftStateMixin):
        target_obj.live, target_obj.has_unpublished_changes = False, True
        target_obj.live_revision = target_obj.first_published_at = target_obj.last_published_at = None
    point_references_at(target_obj, source_locale, locale)
    target_obj._first_revision_due = isinstance(target_obj, RevisionMixin)


@receiver(post_save)
def save_first_revision_of_copy(instance, created, **kwargs):
    """Give a snippet copied for translation its first revision once the translate view has saved it."""
    if created and getattr(instance, "_first_revision_due", False):
        instance._first_revision_due = False
        instance.save_revision(log_action="wagtail.copy_for_translation")
