"""knox's own token table goes: the project's token model is api.ApiToken (KNOX_TOKEN_MODEL).

knox's first migration creates knox_authtoken even when its model is swapped out. Django
then no longer counts the table as its own, so a flush (PostgreSQL's TRUNCATE, in the
transactional tests and on a restore) is refused: the unused table still points at auth_user.
It never holds a row here.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0002_hash_plain_tokens"),
        ("knox", "0009_extend_authtoken_field"),
    ]

    operations = [
        migrations.RunSQL(
            "DROP TABLE IF EXISTS knox_authtoken", reverse_sql=migrations.RunSQL.noop
        ),
    ]
