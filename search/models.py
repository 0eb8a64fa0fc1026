"""What the search needs to store: editors' synonym sets, the index queue, missed queries, and the
database search's own copy of the index."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SynonymSet(models.Model):
    """Words that mean the same to our readers, e.g. 电诈, 电信诈骗 or "scam, fraud".

    Applied by the search engine's synonym filter when it analyses queries, so
    a search for one finds pages that use another. Saving or deleting a set
    queues a rebuild of the index (zero downtime, through an alias swap).
    """

    class Language(models.TextChoices):
        CHINESE = "zh-hans", _("Chinese")
        ENGLISH = "en", _("English")

    language = models.CharField(_("language"), max_length=8, choices=Language.choices)
    terms = models.CharField(
        _("terms"), max_length=500, help_text=_("Comma-separated words or phrases that mean the same thing.")
    )

    class Meta:
        verbose_name = _("synonym set")
        verbose_name_plural = _("synonym sets")
        ordering = ["language", "terms"]

    def __str__(self):
        return self.terms

    def term_list(self):
        """The terms, stripped of blanks and of characters that would break the synonym rule syntax."""
        cleaned = (term.replace("=>", " ").replace("#", " ").strip() for term in self.terms.replace("，", ",").split(","))
        return [term for term in cleaned if term]


class IndexQueueItem(models.Model):
    """One pending change for the search index, written in the same transaction as the change.

    A row names an object ("page" or "alert", by id) whose index entry must be
    brought up to date, or asks for a full rebuild. The sync worker drains the
    queue with the bulk API; a row that fails stays with a back-off time, so
    nothing is lost while the engine is down. Done rows are kept for a day so
    a rebuild can replay what changed while it ran.
    """

    class Kind(models.TextChoices):
        PAGE = "page", _("Page")
        ALERT = "alert", _("Alert")
        REBUILD = "rebuild", _("Rebuild")

    kind = models.CharField(max_length=8, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    done_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_error = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["done_at", "next_attempt_at"], name="index_queue_pending")]

    def __str__(self):
        return f"{self.kind}:{self.object_id}"


class SearchMiss(models.Model):
    """A query that found nothing: editors use these to write content people look for."""

    query = models.CharField(_("query"), max_length=200)
    language = models.CharField(_("language"), max_length=8)
    count = models.PositiveIntegerField(_("times searched"), default=1)
    last_searched_at = models.DateTimeField(_("last searched"), default=timezone.now)

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        ordering = ["-count", "-last_searched_at"]
        constraints = [models.UniqueConstraint(fields=["query", "language"], name="unique_search_miss")]

    def __str__(self):
        return self.query

    @classmethod
    def record(cls, query, language):
        """Count one more miss for ``query`` (normalised to lower case and single spaces)."""
        query = " ".join(query.lower().split())[:200]
        updated = cls.objects.filter(query=query, language=language).update(
            count=models.F("count") + 1, last_searched_at=timezone.now()
        )
        if not updated:
            cls.objects.get_or_create(query=query, language=language)


class SearchEntry(models.Model):
    """One live public page or alert as the database search reads it (used when there is no engine).

    The same fields as its Elasticsearch document (``search.indexing``), kept current by the same
    index queue. The text fields are stored twice: as written, for the results and their
    highlighted snippets, and as terms (``search.tokens``: Chinese cut into character pairs,
    words in lower case, each between spaces) that plain ``LIKE`` queries can match on any
    database. Audiences and topics are slugs between spaces, for the same reason.
    """

    kind = models.CharField(max_length=8)
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(max_length=8)
    url = models.CharField(max_length=500)
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    title_terms = models.TextField()
    summary_terms = models.TextField()
    topics_terms = models.TextField()
    body_terms = models.TextField()
    content_type = models.CharField(max_length=30)
    year = models.PositiveIntegerField(null=True)
    audiences = models.CharField(max_length=500)
    topics = models.TextField()
    published = models.DateTimeField(null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="unique_search_entry")]
        indexes = [models.Index(fields=["language", "content_type"], name="search_entry_language")]

    def __str__(self):
        return self.title
