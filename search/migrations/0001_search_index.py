"""The full-text index: a weighted tsvector on PostgreSQL, FTS5 tables on SQLite.

The columns, tables and triggers are not Django models (Django has no field for FTS5
tables or for a generated tsvector maintained by triggers), so they are created here
with SQL chosen by database vendor; see search/schema.py.
"""

from django.db import migrations


def forward(apps, schema_editor):
    from search import schema

    schema.install(schema_editor.connection)


def reverse(apps, schema_editor):
    from search import schema

    schema.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("presidencies", "0003_editors_group"),
        ("documents", "0003_adopted_statement_kind"),
    ]
    operations = [migrations.RunPython(forward, reverse)]
