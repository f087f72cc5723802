"""Full-text search over documents, priorities and their quotes, on PostgreSQL and SQLite."""

from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_index(sender, using: str = "default", **kwargs) -> None:
    # Migrations that rebuild a table on SQLite drop that table's triggers: put them back.
    from search import schema

    schema.ensure_after_migrate(connections[using])


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        post_migrate.connect(_ensure_index, sender=self, dispatch_uid="search-ensure-index")
