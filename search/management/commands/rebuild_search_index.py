"""`manage.py rebuild_search_index`: check the full-text index and refill it from the data.

Triggers keep the index current on every write; this is for repairs (a restore from a dump
taken without the search tables, a bulk load with triggers disabled).
"""

from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from search import schema


class Command(BaseCommand):
    help = "Reinstall missing parts of the full-text index and refill it from the data."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, database: str, **options) -> None:
        connection = connections[database]
        with transaction.atomic(using=database):
            missing = schema.ensure(connection)
            schema.rebuild(connection)
        if missing:
            self.stdout.write(f"Reinstalled: {', '.join(missing)}")
        self.stdout.write(self.style.SUCCESS("Search index rebuilt."))
