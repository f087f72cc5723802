"""Restore an export_kb file into an empty database: `manage.py import_kb FILE`.

Accounts in the file (users, groups, API token hashes, admin log) are restored only with
`--with-accounts`; otherwise they are left out and the history names no one.
"""

import json
import tempfile
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, transaction
from django.test.utils import override_settings

from backups.backup import add_backup_arguments, forget_users, kb_row_count, user_labels
from cstokb.cache import bump_kb_version


class Command(BaseCommand):
    help = "Restore an export_kb JSON file into a freshly migrated, empty database (atomic)."

    def add_arguments(self, parser):
        add_backup_arguments(
            parser,
            "A file written by export_kb.",
            "Also restore the accounts the file holds (export_kb --with-accounts); the "
            "database must then have no users yet.",
        )

    def handle(self, *args, file: str, with_accounts: bool, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{path} does not exist or is not a file.")
        try:
            objects = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CommandError(f"{path} is not a JSON export of the knowledge base: {exc}") from exc
        if not isinstance(objects, list) or not all(
            isinstance(o, dict) and isinstance(o.get("model"), str) for o in objects
        ):
            raise CommandError(f"{path} is not a JSON export of the knowledge base.")
        existing = kb_row_count()
        if existing:
            raise CommandError(
                f"The database already holds {existing} knowledge-base records. import_kb only "
                "restores into an empty database: create a new database, run `manage.py migrate`, "
                "then import."
            )
        accounts = user_labels()
        left_out = 0
        if not with_accounts:
            kept = [o for o in objects if o["model"] not in accounts]
            left_out = len(objects) - len(kept)
            objects = kept
            forget_users(objects)
        elif any(o["model"] == get_user_model()._meta.label_lower for o in objects):
            taken = get_user_model()._default_manager.count()
            if taken:
                raise CommandError(
                    f"The file holds user accounts and the database already has {taken}: "
                    "restore into a database without users (or import without --with-accounts)."
                )
        # loaddata is atomic on its own; the outer block also covers the cache bump.
        try:
            with (
                tempfile.TemporaryDirectory() as folder,
                transaction.atomic(using=DEFAULT_DB_ALIAS),
            ):
                # loaddata picks the format from the file name: give it a .json one. The
                # values are the file's own strings, so rewriting them changes no timestamp.
                fixture = Path(folder) / "knowledge-base.json"
                fixture.write_text(json.dumps(objects, ensure_ascii=False), encoding="utf-8")
                # The file holds the history: loading M2M fields must add no history rows.
                with override_settings(SIMPLE_HISTORY_ENABLED=False):
                    if objects:  # loaddata warns on an empty fixture
                        call_command("loaddata", str(fixture), verbosity=0)
        # OverflowError: an id or number past what the database holds (SQLite's 64 bits);
        # ValueError/TypeError: a value of the wrong shape that slipped past deserializing.
        except (
            DeserializationError,
            DatabaseError,
            ValidationError,
            LookupError,
            OverflowError,
            ValueError,
            TypeError,
        ) as exc:
            raise CommandError(
                f"The import failed and nothing was stored: {str(exc).splitlines()[0][:500]}"
            ) from exc
        bump_kb_version()
        self.stderr.write(f"Imported {len(objects)} records from {path}.")
        if left_out:
            self.stderr.write(
                f"Left out {left_out} account records (users, groups, tokens, admin log): "
                "pass --with-accounts to restore them."
            )
