"""PostgreSQL: a small generated tsvector (title and opening of the text) to rank with.

Superseded: the documents' vectors are Django fields since documents migration 0010,
which drops what this migration used to add in SQL and adds the fields. Kept as a step
of the history; it does nothing now.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_index")]
    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
