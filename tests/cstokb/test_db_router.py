"""The read-replica router: reads to the replica, writes and transactional reads to default."""

import json
import os
import subprocess
import sys

from django.conf import settings
from django.db import connections, transaction

from cstokb.db_router import ReplicaRouter
from presidencies.models import Theme


def test_without_a_replica_everything_uses_default():
    assert "replica" not in settings.DATABASES
    router = ReplicaRouter()
    assert router.db_for_read(Theme) == "default"
    assert router.db_for_write(Theme) == "default"


def test_with_a_replica_reads_go_there_and_writes_to_default(monkeypatch):
    router = ReplicaRouter()
    monkeypatch.setitem(connections.settings, "replica", dict(settings.DATABASES["default"]))
    assert router.db_for_read(Theme) == "replica"
    assert router.db_for_write(Theme) == "default"
    assert router.allow_migrate("default", "presidencies")
    assert not router.allow_migrate("replica", "presidencies")


def test_reads_inside_a_transaction_stay_on_default(monkeypatch, transactional_db):
    router = ReplicaRouter()
    monkeypatch.setitem(connections.settings, "replica", dict(settings.DATABASES["default"]))
    with transaction.atomic():
        assert router.db_for_read(Theme) == "default"
    assert router.db_for_read(Theme) == "replica"


def test_database_replica_url_adds_the_alias_and_the_router():
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://kb@primary.internal:5432/cstokb",
        "DATABASE_REPLICA_URL": "postgres://kb@replica.internal:5432/cstokb",
    }
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.DATABASE_ROUTERS, s.DATABASES['replica']['HOST'], "
        "s.DATABASES['replica']['TEST'], s.DATABASES['default']['OPTIONS']]))"
    )
    out = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    routers, host, test, options = json.loads(out)
    assert routers == ["cstokb.db_router.ReplicaRouter"]
    assert host == "replica.internal"
    assert test["MIRROR"] == "default"
    assert options["connect_timeout"] == 3
