"""Newest first, undated last, on every list and feed (on PostgreSQL a plain "-date" puts NULL
first)."""

import re

import pytest
from django.urls import reverse

from tests.web.pages import text_of

pytestmark = pytest.mark.django_db


NEWEST_DATED = "tass-2026-01-01-lavrov-russia-csto-presidency"  # 1 January 2026


def newest_first_sql(queries, table: str) -> list[str]:
    """ORDER BY clauses of the captured queries that read `table`."""
    return [
        q["sql"].rsplit("ORDER BY", 1)[1]
        for q in queries.captured_queries
        if f'FROM "{table}"' in q["sql"] and "ORDER BY" in q["sql"]
    ]


def assert_undated_last(queries, table: str, column: str = "date") -> None:
    # SQLite sorts NULL as the smallest value, so "-date" happens to put it last there; the
    # SQL must say NULLS LAST so PostgreSQL (NULL the largest) does the same.
    orders = [o for o in newest_first_sql(queries, table) if f'"{column}" DESC' in o]
    assert orders, f"no newest-first query on {table}"
    assert all(f'"{column}" DESC NULLS LAST' in o for o in orders), orders


def test_documents_list_starts_with_the_newest_dated_document(client, seed):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from documents.models import Document

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("document-list"))
    documents = list(response.context["documents"])
    assert documents[0].slug == NEWEST_DATED
    dated = [d.date for d in documents if d.date]
    assert dated == sorted(dated, reverse=True)
    undated = [i for i, d in enumerate(documents) if d.date is None]
    assert undated and min(undated) > max(i for i, d in enumerate(documents) if d.date)
    html = text_of(response)
    first_row = re.search(r'<li class="doc-row">\s*<a href="([^"]+)"', html)[1]
    assert first_row == Document.objects.get(slug=NEWEST_DATED).get_absolute_url()
    assert_undated_last(queries, "documents_document")


def feed_entries(client, url: str) -> list[str]:
    import xml.etree.ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    root = ET.fromstring(client.get(url).content)  # noqa: S314 - our own feed, in a test
    return [e.find(f"{atom}link").get("href") for e in root.iter(f"{atom}entry")]


@pytest.mark.parametrize(
    "url",
    ["/feeds/documents/", "/presidencies/russia-2026/feed/", "/officials/sergey-lavrov/feed/"],
)
def test_feeds_start_with_the_newest_dated_document(client, seed, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        entries = feed_entries(client, url)
    assert entries[0].endswith(f"/documents/{NEWEST_DATED}/")
    assert_undated_last(queries, "documents_document")


def test_feed_entries_are_newest_first_with_the_undated_last(client, seed):
    from documents.models import Document

    entries = feed_entries(client, "/feeds/documents/")
    by_url = {d.get_absolute_url(): d for d in Document.objects.all()}
    dates = [by_url[e.split("testserver", 1)[1]].date for e in entries]
    dated = [d for d in dates if d]
    assert dates[: len(dated)] == sorted(dated, reverse=True)
    assert all(d is None for d in dates[len(dated) :])


def test_chairmanship_page_lists_its_newest_dated_document_first(client, seed):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        html = text_of(client.get("/presidencies/russia-2026/"))
    documents = re.search(r'<section aria-labelledby="documents">(.*?)</section>', html, re.S)[1]
    slugs = re.findall(r'<li class="doc-row">\s*<a href="/documents/([^/]+)/"', documents)
    assert slugs == [NEWEST_DATED, "news-lavrov-message-russia-2026-csto-presidency"]
    assert_undated_last(queries, "documents_document")


def test_meetings_list_starts_with_the_newest_dated_meeting(client, seed):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("summit-list"))
    summits = list(response.context["summits"])
    assert summits[0].slug == "csc-2026-moscow"
    assert [s.date for s in summits[-2:]] == [None, None]
    assert_undated_last(queries, "presidencies_summit")
