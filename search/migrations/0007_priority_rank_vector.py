"""PostgreSQL: the priorities' search table gains a small ranking vector (the title and the
opening of the body, search/postgres_sql.py), computed for every row. Nothing on SQLite."""

import django.contrib.postgres.search
from django.db import migrations

from search import schema


def install_rank_vector(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema.install(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("search", "0006_priority_speakers")]
    operations = [
        migrations.RunPython(install_rank_vector, migrations.RunPython.noop, elidable=True),
        # The unmanaged model's state only: the column is the install's.
        migrations.AddField(
            model_name="priorityindex",
            name="rank_vector",
            field=django.contrib.postgres.search.SearchVectorField(),
        ),
    ]
