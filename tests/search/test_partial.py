"""A search that reads only part of its matches says so: its total and its facet counts are
lower bounds ("at least N") on the page and in the API, and exact otherwise."""

import re
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.urls import reverse

from documents.fulltext import RANK_TEXT_CHARS
from search import backends, matches
from search.engine import search

from .builders import document

pytestmark = pytest.mark.django_db

API = "/api/v1/search/"
# Past the opening that the ranking vector holds: a match here is only in the full vector.
FILLER = "Delegations met. " * (RANK_TEXT_CHARS // 10)


class ClassText(HTMLParser):
    """The text inside the elements of one class."""

    def __init__(self, css_class: str):
        super().__init__()
        self.css_class, self.depth, self.texts = css_class, 0, []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += 1
        elif self.css_class in (dict(attrs).get("class") or "").split():
            self.depth = 1
            self.texts.append("")

    def handle_endtag(self, tag):
        self.depth = max(0, self.depth - 1)

    def handle_data(self, data):
        if self.depth:
            self.texts[-1] += data


def texts_of(client, css_class: str, **params) -> list[str]:
    response = client.get(reverse("search"), params)
    assert response.status_code == 200
    parser = ClassText(css_class)
    parser.feed(response.content.decode())
    return [re.sub(r"\s+", " ", text).strip() for text in parser.texts]


def test_a_common_query_past_the_cap_shows_at_least_its_count(client, monkeypatch):
    monkeypatch.setattr(matches, "MAX_CANDIDATES", 3)
    for i in range(5):
        document(f"Biosecurity {i}", f"Biosecurity was discussed ({i}).")

    results = search("biosecurity")
    assert (results.total, results.total_exact, results.facets_exact) == (3, False, False)
    assert texts_of(client, "search-summary", q="biosecurity") == [
        "1–3 of at least 3 results for biosecurity"
    ]
    assert texts_of(client, "search-facet-note", q="biosecurity") == [
        "Counted over the first results read: each count is a lower bound."
    ]
    body = client.get(API, {"q": "biosecurity"}).json()
    assert (body["count"], body["count_exact"], body["facets_exact"]) == (3, False, False)


def test_a_query_within_the_cap_shows_its_exact_count(client):
    for i in range(2):
        document(f"Biosecurity {i}", f"Biosecurity was discussed ({i}).")

    assert texts_of(client, "search-summary", q="biosecurity") == [
        "1–2 of 2 results for biosecurity"
    ]
    assert texts_of(client, "search-facet-note", q="biosecurity") == []
    body = client.get(API, {"q": "biosecurity"}).json()
    assert (body["count"], body["count_exact"], body["facets_exact"]) == (2, True, True)


def test_a_phrase_past_the_opening_is_found_and_its_words_apart_are_not():
    together = document("Far", FILLER, "Threats to information security grow.")
    document("Apart", FILLER, "Security of information matters.")

    results = search('"information security"')
    assert [hit.slug for hit in results.hits] == [together.slug]
    assert (results.total, results.total_exact) == (1, True)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="FTS5 checks phrases itself")
def test_a_phrase_checked_on_part_of_the_documents_with_its_words_says_so(client, monkeypatch):
    monkeypatch.setattr(backends, "PHRASE_RECHECK", 2)
    document("Near", "Threats to information security grow.")  # in the opening: always read
    for i in range(3):
        document(f"Apart {i}", FILLER, f"Security of information matters ({i}).")

    results = search('"information security"')
    assert [hit.title for hit in results.hits] == ["Near"]
    assert (results.total, results.total_exact, results.facets_exact) == (1, False, False)
    assert texts_of(client, "search-summary", q='"information security"') == [
        '1–1 of at least 1 result for "information security"'
    ]
    body = client.get(API, {"q": '"information security"'}).json()
    assert (body["count"], body["count_exact"], body["facets_exact"]) == (1, False, False)

    monkeypatch.setattr(backends, "PHRASE_RECHECK", 4)  # every candidate read: exact
    assert search('"information security"').total_exact


def test_a_facet_counted_over_a_capped_set_is_marked_while_the_total_is_exact(monkeypatch):
    monkeypatch.setattr(matches, "MAX_CANDIDATES", 3)
    for i in range(4):
        document(f"Biosecurity {i}", f"Biosecurity was discussed ({i}).", kind="statement")
    document("Biosecurity talk", "Biosecurity was discussed.", kind="speech")

    results = search("biosecurity", kind="speech")
    assert (results.total, results.total_exact, results.facets_exact) == (1, True, False)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="FTS5 checks phrases itself")
def test_no_result_in_the_documents_read_does_not_claim_there_is_none(client, monkeypatch):
    monkeypatch.setattr(backends, "PHRASE_RECHECK", 2)
    for i in range(3):
        document(f"Apart {i}", FILLER, f"Security of information matters ({i}).")

    assert texts_of(client, "search-summary", q='"information security"') == [
        'No results for "information security" in the documents read; the rest of the '
        "documents holding these words were not checked."
    ]
    body = client.get(API, {"q": '"information security"'}).json()
    assert (body["count"], body["count_exact"]) == (0, False)
