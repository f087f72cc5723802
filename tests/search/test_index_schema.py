"""The index's schema: the migration installs and removes it, and it survives table rebuilds."""

import io
import re

import pytest
from django.core.management import call_command
from django.db import connection

from documents.models import Citation, Document
from presidencies.models import Priority
from search import schema
from search.engine import search

from .builders import document, priority_with_quote


def found(query: str) -> set[tuple[str, str]]:
    return {(hit.type, hit.title) for hit in search(query).hits}


@pytest.mark.django_db
def test_the_index_is_installed_on_the_database_in_use():
    assert schema.missing_parts(connection) == []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname IN "
                "('document_vector_gin', 'document_rank_vector_gin', 'search_priority_vector_gin')"
            )
            indexes = [row[0] for row in cursor.fetchall()]
            assert len(indexes) == 3 and all("USING gin" in d for d in indexes)
        else:
            cursor.execute("SELECT sql FROM sqlite_master WHERE name = 'search_document_fts'")
            assert "porter unicode61" in cursor.fetchone()[0]


@pytest.mark.django_db
def test_a_rebuild_gives_the_same_results_as_the_triggers():
    priority_with_quote("Forces", "Helicopters will be pooled.", summary="Air mobility.")
    document("Airlift", "Helicopters and aircraft.")
    before = search("helicopters OR mobility")
    schema.rebuild(connection)
    after = search("helicopters OR mobility")
    assert [(h.type, h.id, h.rank) for h in before.hits] == [
        (h.type, h.id, h.rank) for h in after.hits
    ]
    assert before.total == 3


@pytest.mark.django_db(transaction=True)
def test_the_migration_removes_and_reinstalls_the_index_with_the_data():
    priority_with_quote("Forces", "Helicopters will be pooled.")
    try:
        call_command("migrate", "search", "zero", verbosity=0)
        # post_migrate must not put back an index whose migration is unapplied.
        table = {"sqlite": "search_priority_fts", "postgresql": "search_priority"}
        assert table[connection.vendor] in schema.missing_parts(connection)
    finally:
        call_command("migrate", "search", verbosity=0)
    assert schema.missing_parts(connection) == []
    assert ("priority", "Forces") in found("helicopters")


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite rebuilds tables to alter them")
def test_sqlite_table_rebuilds_by_later_migrations_keep_the_index_working():
    priority, source = priority_with_quote("Forces", "Helicopters will be pooled.")
    try:
        # What Django does on SQLite for most AlterField/RemoveField operations. It must not
        # fail on a trigger of another table that reads the rebuilt one.
        with connection.schema_editor() as editor:
            for model in (Document, Priority, Citation):
                editor._remake_table(model)
        assert {"search_document_ai", "search_priority_au", "search_citation_ad"} <= set(
            schema.missing_parts(connection)
        )
    finally:
        # Any `migrate` run ends with the post_migrate check that puts the triggers back.
        call_command("migrate", verbosity=0)
    assert schema.missing_parts(connection) == []

    document("Sealift", "Sealift capacity.")
    Citation.objects.filter(priority=priority).update(quote="Helicopters and sealift.")
    assert found("sealift") == {("document", "Sealift"), ("priority", "Forces")}


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL triggers")
def test_postgresql_lost_triggers_are_put_back_by_the_next_migrate():
    priority, source = priority_with_quote("Forces", "Helicopters will be pooled.")
    try:
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER search_on_citation ON documents_citation")
        assert schema.missing_parts(connection) == ["search_on_citation"]
    finally:
        call_command("migrate", verbosity=0)
    assert schema.missing_parts(connection) == []
    Citation.objects.filter(priority=priority).update(quote="Helicopters and sealift.")
    assert ("priority", "Forces") in found("sealift")


@pytest.mark.django_db
def test_the_rebuild_command_refills_an_emptied_index():
    priority_with_quote("Forces", "Helicopters will be pooled.")
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM search_priority"
            if connection.vendor == "postgresql"
            else "DELETE FROM search_priority_fts"
        )
    assert ("priority", "Forces") not in found("helicopters")
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "rebuilt" in out.getvalue()
    assert ("priority", "Forces") in found("helicopters")


@pytest.mark.django_db(transaction=True)
def test_a_migration_can_alter_the_document_title_around_the_search_vector():
    """The recipe in search/schema.py for AlterField on Document.title or .text."""
    from django.db import models

    document("Airlift", "Airlift capacity.")
    old = Document._meta.get_field("title")
    new = models.CharField(max_length=600, blank=True)
    new.set_attributes_from_name("title")
    new.model = Document
    try:
        with connection.schema_editor() as editor:
            schema.release_document_columns(None, editor)
            editor.alter_field(Document, old, new)
            schema.restore_document_columns(None, editor)
        call_command("migrate", verbosity=0)  # on SQLite, post_migrate restores the triggers
        assert schema.missing_parts(connection) == []
        assert found("airlift") == {("document", "Airlift")}
        document("Sealift", "Sealift capacity.")
        assert found("sealift") == {("document", "Sealift")}
    finally:
        with connection.schema_editor() as editor:
            schema.release_document_columns(None, editor)
            editor.alter_field(Document, new, old)
            schema.restore_document_columns(None, editor)
        call_command("migrate", verbosity=0)
    assert schema.missing_parts(connection) == []


@pytest.mark.django_db
def test_the_document_vectors_are_django_fields_the_database_fills_and_python_never_reads():
    from django.db import connection as conn
    from django.test.utils import CaptureQueriesContext

    from documents.fulltext import IndexVectorField

    for name in schema.VECTOR_FIELDS:
        assert isinstance(Document._meta.get_field(name), IndexVectorField)
    airlift = document("Airlift", "Helicopters and aircraft.")

    def reads_a_vector(queries) -> bool:
        # Selected as NULL: a full vector is as large as the text.
        selected_as_null = re.compile(r'NULL AS "search_(rank_)?vector"')
        return any("search_" in selected_as_null.sub("", q["sql"]) for q in queries)

    with CaptureQueriesContext(conn) as queries:
        loaded = Document.objects.get(pk=airlift.pk)
    assert loaded.search_vector is None and loaded.search_rank_vector is None
    assert not reads_a_vector(queries.captured_queries)
    # An edit is indexed by the database, whoever writes; the save returns no vector.
    loaded.title = "Sealift"
    with CaptureQueriesContext(conn) as queries:
        loaded.save()
    assert not reads_a_vector(queries.captured_queries)
    assert found("sealift") == {("document", "Sealift")}
    assert found("airlift") == set()
    if conn.vendor == "postgresql":
        filled = Document.objects.filter(pk=airlift.pk, search_vector__isnull=False)
        assert filled.exists()
