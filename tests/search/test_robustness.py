"""Whatever is typed, search() answers with results or a QueryError, never a database error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.engine import search
from search.query import QueryError

from .builders import document, priority_with_quote

pytestmark = pytest.mark.django_db

# Letters, digits, the syntax's own characters and FTS5/tsquery operators, any script.
ALPHABET = st.one_of(
    st.sampled_from(list("\"-() *:^&|!<>'\\%_")),
    st.sampled_from(["OR", "AND", "NOT", "NEAR", " or ", "peace", "security", "the"]),
    st.characters(codec="utf-8"),
)
QUERIES = st.lists(ALPHABET, max_size=30).map("".join)


@pytest.fixture
def corpus():
    document("Peace", "Peace and security; information security.")
    priority_with_quote("Security", "Peacekeeping and security for all.")


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(query=QUERIES)
def test_any_query_gives_results_or_a_readable_error(corpus, query):
    try:
        results = search(query)
    except QueryError as error:
        assert error.message
        return
    assert results.total == len(results.hits) <= 3
    for hit in results.hits:
        assert hit.rank == hit.rank  # not NaN
