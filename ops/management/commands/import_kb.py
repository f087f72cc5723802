"""Restore an export_kb file into an empty database: `manage.py import_kb FILE`."""

import json
import shutil
import tempfile
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, transaction
from django.test.utils import override_settings

from cstokb.cache import bump_kb_version
from ops.backup import kb_row_count


class Command(BaseCommand):
    help = "Restore an export_kb JSON file into a freshly migrated, empty database (atomic)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="A file written by export_kb.")

    def handle(self, *args, file: str, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{path} does not exist or is not a file.")
        try:
            objects = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CommandError(f"{path} is not a JSON export of the knowledge base: {exc}") from exc
        if not isinstance(objects, list) or not all(
            isinstance(o, dict) and "model" in o for o in objects
        ):
            raise CommandError(f"{path} is not a JSON export of the knowledge base.")
        existing = kb_row_count()
        if existing:
            raise CommandError(
                f"The database already holds {existing} knowledge-base records. import_kb only "
                "restores into an empty database: create a new database, run `manage.py migrate`, "
                "then import."
            )
        user_label = get_user_model()._meta.label_lower
        if any(o["model"] == user_label for o in objects):
            taken = get_user_model()._default_manager.count()
            if taken:
                raise CommandError(
                    f"The file holds user accounts and the database already has {taken}: "
                    "restore into a database without users (or export with --without-users)."
                )
        # loaddata is atomic on its own; the outer block also covers the cache bump.
        try:
            with (
                tempfile.TemporaryDirectory() as folder,
                transaction.atomic(using=DEFAULT_DB_ALIAS),
            ):
                # loaddata picks the format from the file name: give it a .json one.
                fixture = Path(folder) / "knowledge-base.json"
                shutil.copyfile(path, fixture)
                # The file holds the history: loading M2M fields must add no history rows.
                with override_settings(SIMPLE_HISTORY_ENABLED=False):
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
