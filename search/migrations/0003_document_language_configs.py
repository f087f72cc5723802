"""PostgreSQL: documents indexed in their language's configuration, the ranking vector's GIN.

The generated vectors are recomputed with the configuration of each row's language
(`russian` for "ru", `english` for "en", `simple` otherwise), and the small ranking vector
gets a GIN index of its own, through which a search finds the title and opening matches
first. Nothing changes on SQLite.
"""

from django.db import migrations


def forward(apps, schema_editor):
    from search import schema

    if schema_editor.connection.vendor == "postgresql":
        # A generated column's expression cannot be altered: drop it and add it back.
        schema._run(
            schema_editor.connection, schema.DROP_DOCUMENT_COLUMNS + schema.POSTGRES_DOCUMENT_COLUMNS
        )


def reverse(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("DROP INDEX IF EXISTS search_document_rank_vector_gin")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_document_rank_vector")]
    operations = [migrations.RunPython(forward, reverse)]
