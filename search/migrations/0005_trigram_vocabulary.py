"""PostgreSQL: pg_trgm and the vocabulary of "did you mean" (search/schema.py), filled from
the documents. Nothing on SQLite, whose suggestions come from a vocabulary kept in the
cache (search/suggest.py)."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

from search import schema


class Migration(migrations.Migration):
    dependencies = [("search", "0004_priority_index_model"), ("documents", "0010_search_vectors")]
    operations = [
        TrigramExtension(),
        migrations.RunPython(schema.install_vocabulary, schema.uninstall_vocabulary),
        migrations.CreateModel(
            name="Word",
            fields=[("word", models.TextField(primary_key=True, serialize=False))],
            options={"db_table": "search_word", "managed": False},
        ),
    ]
