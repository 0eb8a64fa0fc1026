"""Public search queries against the Elasticsearch index, and their results.

``search_pages`` returns a ``SearchResults`` built only from the index (title,
summary, highlight, URL are stored in the document), so a results page costs
no SQL per hit. User text only ever goes into ``multi_match`` (never
``query_string``), so Elasticsearch query syntax in a search box is just text.
"""

from dataclasses import dataclass, field

from elasticsearch_dsl import Q, Search
from elasticsearch_dsl.query import MultiMatch

from .documents import alias_name

PAGE_SIZE = 10
MAX_RESULT_WINDOW = 10_000  # Elasticsearch's default index.max_result_window
FACETS = {"audience": "audiences", "topic": "topics", "type": "content_type", "year": "year"}
TEXT_FIELDS = ["title^3", "summary^2", "topics_text^2", "body"]
SUBFIELD = {"zh-hans": "zh", "en": "en"}


@dataclass
class Hit:
    title: str
    url: str
    summary: str
    content_type: str
    highlight: list = field(default_factory=list)


@dataclass
class SearchResults:
    hits: list
    total: int
    facets: dict
    page: int
    suggestion: str = ""
    took_ms: int = 0

    @property
    def num_pages(self):
        return max(1, -(-min(self.total, MAX_RESULT_WINDOW) // PAGE_SIZE))


def _fields(language):
    subfield = SUBFIELD.get(language, "en")
    return [f"{name.split('^')[0]}.{subfield}" + (f"^{name.split('^')[1]}" if "^" in name else "") for name in TEXT_FIELDS]


def build_search(client, query, language, filters, page=1, sort="relevance"):
    """The ``Search`` for ``query`` in ``language`` with the facet ``filters`` applied."""
    fields = _fields(language)
    search = Search(using=client, index=alias_name()).filter("term", locale=language)
    for name, document_field in FACETS.items():
        if filters.get(name) not in (None, ""):
            search = search.filter("term", **{document_field: filters[name]})
    if query:
        search = search.query(
            Q("bool", should=[
                MultiMatch(query=query, fields=fields, type="best_fields", operator="and"),
                MultiMatch(query=query, fields=fields, type="best_fields", minimum_should_match="60%", boost=0.3),
            ], minimum_should_match=1)
        )
    if sort == "date" or not query:
        search = search.sort({"published": {"order": "desc"}})
    for name, document_field in FACETS.items():
        search.aggs.bucket(name, "terms", field=document_field, size=30)
    highlight_fields = {f"{name}.{SUBFIELD.get(language, 'en')}": {} for name in ("title", "summary", "body")}
    search = search.highlight_options(pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html", number_of_fragments=2,
                                      fragment_size=120)
    search = search.highlight(*highlight_fields)
    if query and language == "en":
        # Spelling suggestions from the unstemmed text; Chinese queries are not spelled letter by letter.
        search = search.suggest("did_you_mean", query, phrase={"field": "body", "size": 1, "max_errors": 2})
    start = (page - 1) * PAGE_SIZE
    return search[start : start + PAGE_SIZE]


def search_pages(client, query, language, filters, page=1, sort="relevance"):
    """Run the search; raises the client's exceptions when the engine is down (the view falls back)."""
    response = build_search(client, query, language, filters, page, sort).execute()
    hits = []
    for hit in response:
        fragments = []
        highlight = getattr(hit.meta, "highlight", None)
        if highlight:
            for values in highlight.to_dict().values():
                fragments.extend(values)
        hits.append(Hit(title=hit.title, url=hit.url, summary=hit.summary or "", content_type=hit.content_type,
                        highlight=fragments[:2]))
    facets = {name: [(bucket.key, bucket.doc_count) for bucket in response.aggregations[name].buckets] for name in FACETS}
    suggestion = ""
    suggest = getattr(response, "suggest", None)
    if suggest and suggest.did_you_mean and suggest.did_you_mean[0].options:
        suggestion = suggest.did_you_mean[0].options[0].text
    return SearchResults(hits=hits, total=response.hits.total.value, facets=facets, page=page, suggestion=suggestion,
                         took_ms=response.took)


def suggestions(client, prefix, language, size=10):
    """Title completions for ``prefix`` in ``language`` (at most ``size``, de-duplicated)."""
    search = Search(using=client, index=alias_name()).source(["title", "url"]).suggest(
        "titles", prefix, completion={"field": "suggest", "size": size, "skip_duplicates": True,
                                      "contexts": {"locale": [language]}}
    )
    response = search[:0].execute()
    unique = {option._source.url: option._source.title for option in response.suggest.titles[0].options}
    return [{"text": title, "url": url} for url, title in unique.items()]
