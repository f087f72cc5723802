"""The number of documents kept by PostgreSQL's triggers (cstokb.counts): the document
list and the API's list show it instead of counting every row."""

from django.db import migrations

from cstokb import counts

TABLE = "documents_document"


def install(apps, schema_editor):
    counts.install(schema_editor.connection, TABLE)


def uninstall(apps, schema_editor):
    counts.uninstall(schema_editor.connection, TABLE)


class Migration(migrations.Migration):
    dependencies = [("documents", "0016_field_labels_in_russian")]
    operations = [migrations.RunPython(install, uninstall)]
