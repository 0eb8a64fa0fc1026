"""The large-text view switch on the server (portal/large_text.py): cookie, redirect, cache safety.

The browser side (click, keyboard, JavaScript off, thresholds) is in tests/browser/.
"""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from articles.models import ArticleIndexPage, ArticlePage
from portal.large_text import switch_view

pytestmark = pytest.mark.django_db


def vary(response):
    return {value.strip().lower() for value in response.get("Vary", "").split(",")}


def test_cookie_renders_the_large_view_in_the_first_response_and_varies_on_cookie(client, page_of):
    url = page_of(ArticlePage, "zh-hans", slug="fake-surrender-refund-agents").url
    standard = client.get(url)
    client.cookies["view"] = "large"
    large = client.get(url)
    assert '<html lang="zh-Hans">' in standard.content.decode()
    assert '<html lang="zh-Hans" class="view-large">' in large.content.decode()
    assert "large-text.css" in large.content.decode() and "large-text.css" not in standard.content.decode()
    with translation.override("zh-hans"):
        assert gettext("Switch to standard text") in large.content.decode()
        assert gettext("Switch to large text") in standard.content.decode()
    assert "aria-pressed" not in large.content.decode()  # the name changes with the state: not a toggle
    assert "cookie" in vary(standard) and "cookie" in vary(large)


def test_switch_is_labelled_in_the_page_language(client, page_of):
    for language in ("zh-hans", "en"):
        html = client.get(page_of(ArticleIndexPage, language).url).content.decode()
        with translation.override(language):
            assert gettext("Switch to large text") in html and gettext("Switch to standard text") not in html
        assert 'name="view" value="large"' in html


@pytest.mark.parametrize("choice", ["large", "standard"])
def test_parameter_sets_the_cookie_and_redirects_to_the_same_url_without_it(client, page_of, choice):
    index = page_of(ArticleIndexPage, "en").url
    response = client.get(index, {"audience": "elderly", "view": choice, "topic": "退保"})
    assert response.status_code == 302
    assert response["Location"] == f"{index}?audience=elderly&topic=%E9%80%80%E4%BF%9D"
    cookie = response.cookies["view"]
    assert cookie["path"] == "/" and cookie["samesite"] == "Lax"
    if choice == "large":
        assert cookie.value == "large" and int(cookie["max-age"]) >= 365 * 24 * 3600 and cookie["httponly"]
    else:
        assert cookie.value == "" and int(cookie["max-age"]) == 0  # deleted: the default view needs no cookie
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_switch_without_other_parameters_redirects_to_the_bare_path(client):
    response = client.get("/en/?view=large")
    assert response["Location"] == "/en/"
    follow = client.get(response["Location"])
    assert 'class="view-large"' in follow.content.decode()


@pytest.mark.parametrize(
    "path, expected",
    [
        ("//evil.example/", "/%2Fevil.example/"),  # never a protocol-relative redirect off the site
        ("/a\r\nLocation: x/", "/a%0D%0ALocation:%20x/"),  # no header injection
        ("/\\evil.example/", "/%5Cevil.example/"),
    ],
)
def test_redirect_never_leaves_the_site(rf, path, expected):
    # The test client would read "//evil.example/" as a host, so the request is built by hand.
    request = rf.get("/", {"view": "large"})
    request.path = path
    response = switch_view(request, "large")
    assert response.status_code == 302
    assert response["Location"] == expected


def test_hostile_parameters_are_reencoded_in_the_redirect_and_escaped_in_the_switch(client, page_of):
    url = page_of(ArticleIndexPage, "en").url
    hostile = '"><script>alert(1)</script>'
    response = client.get(url, {"ref": hostile, "view": "large"})
    assert response["Location"] == f"{url}?ref=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E"
    html = client.get(url, {"ref": hostile}).content.decode()
    assert "<script>alert(1)" not in html
    assert '<input type="hidden" name="ref" value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">' in html


def test_unknown_values_and_posts_do_not_switch(client, page_of):
    url = page_of(ArticleIndexPage, "en").url
    response = client.get(url, {"view": "huge"})
    assert response.status_code == 200 and "view" not in response.cookies
    assert 'name="view" value="huge"' not in response.content.decode()
    assert client.post(url + "?view=large").status_code != 302
