"""A filtered list's total is counted once per knowledge-base revision, and an editor's change
shows (a whole table's total, kept by PostgreSQL, is tested in tests/web/test_list_totals.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import DocumentFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("render_every_time")]

STATEMENTS = "/api/v1/documents/?kind=statement"


def counted(client, url: str) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    counts = [q["sql"] for q in queries if "COUNT(*)" in q["sql"]]
    return response, counts


def test_the_document_total_is_counted_once_until_a_document_is_added(api):
    DocumentFactory.create_batch(3)
    first, counts = counted(api, STATEMENTS)
    assert counts
    again, counts = counted(api, STATEMENTS)
    assert counts == [] and again.json()["count"] == first.json()["count"]

    DocumentFactory()
    after, counts = counted(api, STATEMENTS)
    assert counts and after.json()["count"] == first.json()["count"] + 1


def test_each_filter_has_its_own_total(api):
    DocumentFactory.create_batch(2, kind="speech")
    DocumentFactory(kind="statement")
    speeches = api.get("/api/v1/documents/", {"kind": "speech"}).json()["count"]
    statements = api.get("/api/v1/documents/", {"kind": "statement"}).json()["count"]
    assert (speeches, statements) == (2, 1)
    assert api.get("/api/v1/documents/", {"kind": "speech"}).json()["count"] == 2


def test_the_document_list_page_counts_once_per_revision(client):
    DocumentFactory.create_batch(2)
    counted(client, "/documents/?kind=statement")
    _response, counts = counted(client, "/documents/?kind=statement")
    assert counts == []


def test_with_the_fragment_cache_off_the_total_is_counted_at_every_request(api, settings):
    settings.FRAGMENT_CACHE_ENABLED = False
    DocumentFactory.create_batch(2)
    counted(api, STATEMENTS)
    _response, counts = counted(api, STATEMENTS)
    assert counts
