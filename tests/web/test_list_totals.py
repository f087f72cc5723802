"""The document list's and the API list's totals are exact after every kind of write; on
PostgreSQL the whole table's total is the one its triggers keep (cstokb.counts), not a
COUNT(*) of every document at each request."""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cstokb import counts
from documents.models import Document
from tests.factories import DocumentFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("render_every_time")]

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="kept by triggers")


def shown_total(client) -> int:
    html = client.get("/documents/").content.decode()
    return int(re.search(r'<p class="muted" role="status">([\d,]+) documents?</p>', html)[1])


def api_total(api) -> int:
    return api.get("/api/v1/documents/").json()["count"]


def assert_exact(client, api) -> None:
    assert shown_total(client) == api_total(api) == Document.objects.order_by().count()


def test_totals_follow_creates_and_deletes(client, api, seed):
    assert_exact(client, api)
    created = [DocumentFactory() for _ in range(3)]
    assert_exact(client, api)
    created[0].delete()
    assert_exact(client, api)
    Document.objects.filter(pk__in=[d.pk for d in created[1:]]).delete()
    assert_exact(client, api)


def test_totals_follow_an_import(client, api, seed, tmp_path):
    before = shown_total(client)
    path = tmp_path / "statement.txt"
    path.write_text(
        "Moscow, 3 March 2026. The chairmanship will strengthen collective security.\n\n"
        "The member states agreed on a plan of joint exercises for the coming year.\n"
    )
    call_command("import_statement", str(path), "--save", "--language", "en", verbosity=0)
    assert shown_total(client) == before + 1
    assert_exact(client, api)


@on_postgresql
def test_whole_table_total_is_read_not_counted(client, api, seed):
    for url in ("/documents/", "/api/v1/documents/"):
        with CaptureQueriesContext(connection) as queries:
            (api if url.startswith("/api") else client).get(url)
        sql = [q["sql"] for q in queries]
        assert any(counts.TABLE in s for s in sql), url
        assert not any("COUNT(" in s and '"documents_document"' in s for s in sql), url


@on_postgresql
def test_a_filtered_total_is_counted(client, seed):
    with CaptureQueriesContext(connection) as queries:
        client.get("/documents/?kind=statement")
    assert not any(counts.TABLE in q["sql"] for q in queries)


@on_postgresql
def test_kept_total_follows_bulk_writes_raw_sql_and_truncate(seed):
    def kept() -> int:
        return counts.total(Document._meta.db_table, "default")

    assert kept() == Document.objects.count()
    Document.objects.bulk_create(DocumentFactory.build_batch(5))
    assert kept() == Document.objects.count()
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM documents_document WHERE id IN "
            "(SELECT id FROM documents_document WHERE slug LIKE 'document-%%' LIMIT 2)"
        )
    assert kept() == Document.objects.count()
    connection.check_constraints()  # a table with pending foreign-key checks is not truncated
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE documents_document CASCADE")
    assert kept() == 0 == Document.objects.count()


@on_postgresql
def test_installing_again_starts_from_the_table_count(seed):
    table = Document._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {counts.TABLE} SET total = 0 WHERE table_name = %s", [table])
    counts.install(connection, table)
    assert counts.total(table, "default") == Document.objects.count()
