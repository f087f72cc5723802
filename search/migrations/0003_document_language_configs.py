"""PostgreSQL: documents indexed in their language's configuration, the ranking vector's GIN.

Superseded: the documents' vectors, with the configuration of each row's language and
their GIN indexes, are Django fields since documents migration 0010, which drops what this
migration used to add in SQL and adds the fields. Kept as a step of the history; it does
nothing now.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("search", "0002_document_rank_vector")]
    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
