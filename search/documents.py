"""The public search index: one Elasticsearch document per live public page or alert.

Only the index definition lives here (fields, analysis); building documents
from pages is in ``search/indexing.py`` and queries are in ``search/queries.py``.

Each text field is indexed twice: ``.zh`` with CJK bigrams (so 退保 matches
代理退保) and ``.en`` with English stemming (so "frauds" matches "fraud");
queries use the sub-field of the visitor's language. Editors' synonym sets
are applied at *query* time by a ``synonym_graph`` filter in the search
analyzers, so new synonyms never need the documents re-analysed: a rebuild
into a fresh index (alias swap) picks them up.
"""

from django.conf import settings
from elasticsearch_dsl import Completion, Date, Document, Integer, Keyword, Text, analyzer, token_filter

ALIAS_SUFFIX = "pages"


def alias_name():
    """The alias queries and the sync worker use; the prefix lets environments share a cluster."""
    return f"{settings.SEARCH_INDEX_PREFIX}{ALIAS_SUFFIX}"


def _synonym_filter(name, rules):
    # An empty rule list is valid for ES; "lenient" drops a rule that the analysis chain empties.
    return token_filter(name, type="synonym_graph", synonyms=rules or [], lenient=True)


def analyzers(synonyms_by_language):
    """Index and search analyzers for both languages, with the current synonym rules."""
    zh_index = analyzer("zh_index", tokenizer="standard", filter=["cjk_width", "lowercase", "cjk_bigram"])
    zh_search = analyzer(
        "zh_search",
        tokenizer="standard",
        filter=["cjk_width", "lowercase", "cjk_bigram", _synonym_filter("zh_synonyms", synonyms_by_language.get("zh-hans"))],
    )
    en_index = analyzer("en_index", tokenizer="standard", filter=["lowercase", "stop", "porter_stem"])
    en_search = analyzer(
        "en_search",
        tokenizer="standard",
        filter=["lowercase", _synonym_filter("en_synonyms", synonyms_by_language.get("en")), "stop", "porter_stem"],
    )
    return {"zh": (zh_index, zh_search), "en": (en_index, en_search)}


def bilingual_text(analysis, **kwargs):
    """A text field with ``.zh`` and ``.en`` sub-fields analysed for each language."""
    return Text(
        analyzer="standard",
        fields={
            language: Text(analyzer=index_analyzer, search_analyzer=search_analyzer)
            for language, (index_analyzer, search_analyzer) in analysis.items()
        },
        **kwargs,
    )


def document_class(synonyms_by_language):
    """Build the ``PageDocument`` class for the given synonym rules.

    A class per build because the analysis settings (synonyms) are part of the
    index definition; ``search_rebuild`` creates a new index from it.
    """
    analysis = analyzers(synonyms_by_language)

    class PageDocument(Document):
        title = bilingual_text(analysis)
        summary = bilingual_text(analysis)
        body = bilingual_text(analysis)
        topics_text = bilingual_text(analysis)
        audiences = Keyword()
        topics = Keyword()
        content_type = Keyword()
        campaign = Keyword()
        year = Integer()
        locale = Keyword()
        url = Keyword(index=False)
        published = Date()
        suggest = Completion(analyzer="simple", contexts=[{"name": "locale", "type": "category"}])

        class Index:
            settings = {"number_of_shards": 1, "number_of_replicas": settings.SEARCH_INDEX_REPLICAS}

    return PageDocument
