"""PostgreSQL: a small generated tsvector (title and opening of the text) to rank with.

Matching still uses the full `search_vector` and its GIN index; ts_rank reads this column,
which is stored inline, so ranking thousands of matches no longer decompresses every
document's full vector. Nothing changes on SQLite (FTS5 ranks with bm25).
"""

from django.db import migrations


def forward(apps, schema_editor):
    from search import schema

    if schema_editor.connection.vendor == "postgresql":
        schema._run(schema_editor.connection, schema.POSTGRES_DOCUMENT_COLUMNS)


def reverse(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("ALTER TABLE documents_document DROP COLUMN IF EXISTS search_rank_vector")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_index")]
    operations = [migrations.RunPython(forward, reverse)]
