"""Hostile requests for every public URL pattern: shared by the fuzz test and ``bench/fuzz.py``.

The strategy mixes random text with the classics (SQL and Elasticsearch
syntax, control characters, invalid percent-escapes, huge numbers, duplicate
parameters) in query strings, extra path segments, headers and form bodies.
"""

from urllib.parse import quote

from hypothesis import strategies as st

FIXED_URLS = [
    "/", "/en/", "/search/", "/en/search/", "/search/suggest/", "/healthz/", "/api/v2/pages/", "/api/v2/images/",
    "/api/v2/documents/", "/sitemap.xml", "/robots.txt", "/check/", "/en/check/", "/feeds/alerts/", "/feeds/articles/",
    "/events.ics", "/en/events.ics",
    # The API's listings, details and find views (issue 14: offsets, search syntax, operators).
    "/api/v2/alerts/", "/api/v2/pages/find/", "/api/v2/pages/3/", "/api/v2/images/1/", "/api/v2/documents/1/",
    "/api/v2/alerts/1/",
]
PARAMETERS = ["q", "page", "audience", "topic", "kind", "type", "year", "sort", "view", "limit", "offset", "order",
              "fields", "search", "locale", "child_of", "format", "id",
              # the API's own (Wagtail's filters and ours)
              "search_operator", "descendant_of", "ancestor_of", "translation_of", "has_children", "show_in_menus",
              "html_path", "active", "severity", "first_published_at", "title", "slug", "collection"]
CLASSICS = [
    "' OR 1=1 --", '"; DROP TABLE wagtailcore_page; --', "title:(a OR b)^9", "*:*", "{\"query\":{}}", "\\", "%",
    "%ZZ", "%00", "\x00", "\x1b[31m", "../../etc/passwd", "<script>alert(1)</script>", "9" * 40, "-1", "0", "1e309",
    "NaN", "退保", "🙂" * 30, "large", "standard", "elderly", "article", "2026",
    '"', '"a', "a\"b\"c\"", "xor", "or", "and", "9223372036854775808", "99999999999999999999999", "-0", "00001",
    "title,-title", "-id", "random", "*", "_", "portal.ArticlePage", "wagtailcore.Page", "true", "/en/",
]
# Surrogates cannot be sent in a URL at all, so the text excludes them; long values come from a length.
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)
VALUES = st.one_of(TEXT, st.sampled_from(CLASSICS), st.integers(1000, 6000).map(lambda length: "a" * length))


def query_strings():
    pairs = st.lists(st.tuples(st.sampled_from(PARAMETERS), VALUES), max_size=6)
    return pairs.map(lambda items: "&".join(f"{quote(name)}={quote(value, safe='%')}" for name, value in items))


def path_suffixes():
    return st.one_of(st.just(""), st.sampled_from(CLASSICS).map(lambda value: quote(value, safe="%") + "/"),
                     TEXT.filter(bool).map(lambda value: quote(value[:30]) + "/"))


def headers():
    return st.fixed_dictionaries({}, optional={
        "HTTP_ACCEPT_LANGUAGE": VALUES.map(lambda value: value.encode("latin-1", "replace").decode("latin-1")),
        "HTTP_COOKIE": VALUES.map(lambda value: "view=" + quote(value)),
        "HTTP_X_FORWARDED_FOR": st.sampled_from(["1.2.3.4", "not an ip", "::1", ""]),
        # The proxy's client-address header (CLIENT_IP_HEADER in bench/fuzz.py): absent, empty or junk too.
        "HTTP_X_REAL_IP": st.sampled_from(["203.0.113.9", "not an ip", "::1", "", "1.2.3.4, 5.6.7.8"]),
    })


def form_bodies():
    return st.dictionaries(st.sampled_from(PARAMETERS + ["csrfmiddlewaretoken", "answer", "website"]), VALUES, max_size=6)


def request_plans(page_urls):
    """(method, url, body, headers) tuples over the fixed URLs and the given page URLs."""
    return st.tuples(
        st.sampled_from(["GET", "GET", "GET", "POST", "HEAD"]),
        st.sampled_from(FIXED_URLS + list(page_urls)),
        path_suffixes(),
        query_strings(),
        form_bodies(),
        headers(),
    )


def send(client, plan):
    method, url, suffix, query, body, extra = plan
    target = url + suffix + ("?" + query if query else "")
    if method == "POST":
        return client.post(target, body, **extra)
    if method == "HEAD":
        return client.head(target, **extra)
    return client.get(target, **extra)
