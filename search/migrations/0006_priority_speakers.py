"""PostgreSQL: the priorities' search table keeps each priority's speakers (search/schema.py),
with a trigger on documents' speakers; filled from the data. Nothing changes on SQLite."""

from django.db import migrations

from search import schema


def install_priority_speakers(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema.install(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("search", "0005_trigram_vocabulary")]
    operations = [
        migrations.RunPython(install_priority_speakers, migrations.RunPython.noop, elidable=True),
    ]
