"""The search index in the database: install, check, rebuild, on PostgreSQL and SQLite.

What is indexed (the same on both databases; the SQL is in search/postgres_sql.py and
search/sqlite_sql.py):
- a document: its title (weight A) and cleaned text (weight B);
- a priority: its title (A) and its summary, status note and every quote that backs it (B).
"""

from django.db.backends.base.base import BaseDatabaseWrapper

from .postgres_sql import (
    POSTGRES_INSTALL,
    POSTGRES_REBUILD,
    POSTGRES_TRIGGERS,
    POSTGRES_UNINSTALL,
    POSTGRES_VOCABULARY,
    POSTGRES_VOCABULARY_REBUILD,
    POSTGRES_VOCABULARY_UNINSTALL,
)
from .sqlite_sql import (
    SQLITE_INSTALL,
    SQLITE_REBUILD,
    SQLITE_TABLES,
    SQLITE_TRIGGERS,
    SQLITE_UNINSTALL,
)


def install_vocabulary(apps, schema_editor) -> None:
    """The did-you-mean vocabulary, filled from the documents (PostgreSQL only)."""
    if schema_editor.connection.vendor == "postgresql":
        _run(schema_editor.connection, POSTGRES_VOCABULARY + POSTGRES_VOCABULARY_REBUILD)


def uninstall_vocabulary(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        _run(schema_editor.connection, POSTGRES_VOCABULARY_UNINSTALL)


def _run(connection: BaseDatabaseWrapper, statements: list[str]) -> None:
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def install(connection: BaseDatabaseWrapper) -> None:
    """Create the index and its triggers (idempotent) and fill it from the data."""
    if connection.vendor == "postgresql":
        _run(connection, POSTGRES_INSTALL + POSTGRES_REBUILD)
    elif connection.vendor == "sqlite":
        _run(connection, SQLITE_INSTALL + SQLITE_REBUILD)


def uninstall(connection: BaseDatabaseWrapper) -> None:
    if connection.vendor == "postgresql":
        _run(connection, POSTGRES_UNINSTALL)
    elif connection.vendor == "sqlite":
        _run(connection, SQLITE_UNINSTALL)


def rebuild(connection: BaseDatabaseWrapper) -> None:
    """Refill the index from the knowledge base (after a bulk load with triggers off)."""
    if connection.vendor == "postgresql":
        _run(connection, POSTGRES_REBUILD)
        if VOCABULARY_BY in _applied(connection):
            _run(connection, POSTGRES_VOCABULARY_REBUILD)
    elif connection.vendor == "sqlite":
        _run(connection, SQLITE_REBUILD)


def missing_parts(connection: BaseDatabaseWrapper) -> list[str]:
    """Names of the tables and triggers of the index that the database lacks."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            missing = []
            cursor.execute("SELECT to_regclass('search_priority') IS NOT NULL")
            if not cursor.fetchone()[0]:
                missing.append("search_priority")
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgname = ANY(%s)", [list(POSTGRES_TRIGGERS)]
            )
            present = {row[0] for row in cursor.fetchall()}
            return missing + [name for name in POSTGRES_TRIGGERS if name not in present]
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
            present = {row[0] for row in cursor.fetchall()}
            wanted = [*SQLITE_TABLES, *SQLITE_TRIGGERS]
            return [name for name in wanted if name not in present]
    return []


def ensure(connection: BaseDatabaseWrapper) -> list[str]:
    """Reinstall and rebuild the index if a part is missing; return what was missing."""
    missing = missing_parts(connection)
    if missing:
        install(connection)
    return missing


INSTALLED_BY = ("search", "0001_search_index")
VOCABULARY_BY = ("search", "0005_trigram_vocabulary")


def _applied(connection: BaseDatabaseWrapper) -> set:
    from django.db.migrations.recorder import MigrationRecorder

    return set(MigrationRecorder(connection).applied_migrations())


SOURCE_TABLES = ("documents_document", "presidencies_priority", "documents_citation")


def ensure_after_migrate(connection: BaseDatabaseWrapper) -> list[str]:
    """post_migrate check: only when the index's migration is applied (not after unapplying)."""
    if INSTALLED_BY not in _applied(connection):
        return []
    if not set(SOURCE_TABLES) <= set(connection.introspection.table_names()):
        return []
    return ensure(connection)


# --- Altering documents_document.title or .text on PostgreSQL -------------------------------
# PostgreSQL refuses to change the type of a column that a generated column reads
# ("cannot alter type of a column used by a generated column"). A migration that alters
# Document.title or Document.text (a new max_length, say) wraps its AlterField:
#
#     operations = [
#         migrations.RunPython(schema.release_document_columns, schema.restore_document_columns),
#         migrations.AlterField(...),
#         migrations.RunPython(schema.restore_document_columns, schema.release_document_columns),
#     ]

VECTOR_FIELDS = ("search_vector", "search_rank_vector")


def _document_model(apps):
    if apps is None:
        from documents.models import Document

        return Document
    return apps.get_model("documents", "Document")


def release_document_columns(apps, schema_editor) -> None:
    """Drop the generated search vectors of documents (PostgreSQL; nothing on SQLite)."""
    if schema_editor.connection.vendor == "postgresql":
        model = _document_model(apps)
        for name in VECTOR_FIELDS:
            schema_editor.remove_field(model, model._meta.get_field(name))


def restore_document_columns(apps, schema_editor) -> None:
    """Add the generated search vectors of documents back (computed for every row), with
    their indexes."""
    if schema_editor.connection.vendor == "postgresql":
        model = _document_model(apps)
        for name in VECTOR_FIELDS:
            schema_editor.add_field(model, model._meta.get_field(name))
        for index in model._meta.indexes:
            if set(index.fields) & set(VECTOR_FIELDS):
                schema_editor.add_index(model, index)
