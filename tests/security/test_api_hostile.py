"""Item 8 of issue 14: no 500 from the API for hostile parameters, nor from a request without the proxy's header."""

import pytest

pytestmark = pytest.mark.django_db

ENDPOINTS = ["pages", "images", "documents", "alerts"]
HOSTILE = ["offset=99999999999999999999999", "offset=9223372036854775808", "offset=-1", "limit=99999999999999999999",
           "search_operator=xor", "search=%22", "search=%00", "search=a%00b", "search=%22a%22%20OR", "order=%00",
           "search=x&search_operator=and", "search=x&order=title", "fields=%00", "type=%00"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_parameters_are_answered_without_a_500(client, endpoint, query):
    response = client.get(f"/api/v2/{endpoint}/?{query}")
    assert response.status_code < 500, (endpoint, query, response.content[:300])
