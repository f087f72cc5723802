"""Read replica routing: reads to `replica`, writes (and reads in a transaction) to `default`.

Active only when DATABASE_REPLICA_URL is set (settings add the `replica` alias and this router).
Reads inside an atomic block on `default` stay there, so an editor's admin request (which runs
in a transaction) sees its own writes instead of a replica that may lag behind.
"""

from django.db import DEFAULT_DB_ALIAS, connections

REPLICA_ALIAS = "replica"


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if REPLICA_ALIAS not in connections.settings:
            return DEFAULT_DB_ALIAS
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        return REPLICA_ALIAS

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # Both aliases hold the same data.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS
