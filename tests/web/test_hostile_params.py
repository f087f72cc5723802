"""Whatever a visitor puts in the query string of a list or the search, never a 500."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

LISTS = ["/documents/", "/summits/", "/quotes/", "/officials/", "/search/", "/api/v1/documents/"]
PARAMS = [
    "year", "page", "kind", "presidency", "speaker", "publisher", "summit", "priority",
    "participant", "implements", "q", "date_after", "date_before", "ordering", "page_size",
]  # fmt: skip
VALUES = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["0", "-1", "1.5", "1e400", "NaN", "", "2026-13-45", "russia-2026", "\x00"]),
    st.text(max_size=40),
)


@pytest.fixture
def visitor(seed):
    return Client(raise_request_exception=False)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    url=st.sampled_from(LISTS), params=st.dictionaries(st.sampled_from(PARAMS), VALUES, max_size=4)
)
def test_hostile_query_strings_never_cause_a_server_error(visitor, url, params):
    response = visitor.get(url, params)
    assert response.status_code < 500, (url, params, response.status_code)


@pytest.mark.parametrize("year", ["0", "-1", "99999", "1.5"])
def test_an_impossible_year_is_a_form_error_not_a_crash(visitor, year):
    response = visitor.get("/documents/", {"year": year})
    assert response.status_code in (200, 400)
    assert b"year" in response.content.lower()
