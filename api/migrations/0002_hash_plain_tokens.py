"""DRF's plain-text tokens become knox digests, and their table is dropped.

A token that worked before still works (knox finds it by its first 15 characters and
compares the digest) until it expires API_TOKEN_TTL_DAYS after this migration, so editors
have time to replace it. The old table is dropped with its rows: keeping it would keep the
plain tokens. Not reversible: a digest cannot be turned back into the token.
"""

from django.conf import settings
from django.db import migrations
from django.utils import timezone

OLD_TABLE = "authtoken_token"


def hash_plain_tokens(apps, schema_editor):
    from knox.crypto import hash_token
    from knox.settings import CONSTANTS

    connection = schema_editor.connection
    if OLD_TABLE not in connection.introspection.table_names():
        return
    ApiToken = apps.get_model("api", "ApiToken")
    quoted = connection.ops.quote_name(OLD_TABLE)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT key, user_id, created FROM {quoted}")  # noqa: S608 - fixed name
        rows = cursor.fetchall()
    expiry = timezone.now() + settings.REST_KNOX["TOKEN_TTL"]
    for key, user_id, created in rows:
        token = ApiToken(
            digest=hash_token(key),
            token_key=key[: CONSTANTS.TOKEN_KEY_LENGTH],
            user_id=user_id,
            expiry=expiry,
            name="Token from before hashing",
        )
        token.save()
        # created is auto_now_add: set the old date afterwards.
        ApiToken._base_manager.filter(pk=token.pk).update(created=created)
    schema_editor.execute(f"DROP TABLE {quoted}")
    # rest_framework.authtoken is no longer installed: forget its migrations too.
    schema_editor.execute("DELETE FROM django_migrations WHERE app = 'authtoken'")


class Migration(migrations.Migration):
    dependencies = [("api", "0001_api_tokens")]

    operations = [migrations.RunPython(hash_plain_tokens, migrations.RunPython.noop)]
