"""Write the whole knowledge base, with its history, to a JSON file: `manage.py export_kb FILE`.

Editors' accounts (users, groups, API token hashes, the admin's log) go in only with
`--with-accounts`: a file that leaves the server should not carry credentials by default.
"""

import json
from pathlib import Path

from django.core import serializers
from django.core.management.base import BaseCommand, CommandError

from backups.backup import (
    NATURAL_PRIMARY_KEYS,
    ExactJSONEncoder,
    add_backup_arguments,
    forget_users,
    kb_models,
    model_label,
    user_models,
)


class Command(BaseCommand):
    help = (
        "Export the knowledge base (chairmanships, documents, citations and their history) "
        "as JSON with natural foreign keys, for import_kb."
    )

    def add_arguments(self, parser):
        add_backup_arguments(
            parser,
            "Where to write the JSON ('-' for standard output).",
            "Also export the accounts: users with their password hashes, groups, API token "
            "hashes, admin log. Without it the history no longer names who made a change.",
        )

    def handle(self, *args, file: str, with_accounts: bool, **options):
        model_list = (user_models() if with_accounts else []) + kb_models()
        objects = []
        counts = {}
        for model in model_list:
            # Ordered by primary key: the same database always gives the same file.
            queryset = model._default_manager.order_by("pk")
            # The python serializer keeps datetimes as objects; ExactJSONEncoder writes them whole.
            data = serializers.serialize(
                "python",
                queryset,
                use_natural_foreign_keys=True,
                use_natural_primary_keys=model_label(model) in NATURAL_PRIMARY_KEYS,
            )
            if not with_accounts:
                forget_users(data)
            objects.extend(data)
            counts[model_label(model)] = len(data)
        text = json.dumps(objects, ensure_ascii=False, indent=1, cls=ExactJSONEncoder)
        if file == "-":
            self.stdout.write(text)
            return
        path = Path(file)
        if not path.parent.is_dir():
            raise CommandError(f"The folder {path.parent} does not exist.")
        # Write to a temporary name and rename: an interrupted export never leaves half a file.
        tmp = path.with_name(path.name + ".partial")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
        total = sum(counts.values())
        self.stderr.write(f"Exported {total} records of {len(counts)} models to {path}.")
