"""Liveness and readiness probes.

/healthz answers without touching the database, so a database outage never makes the load
balancer kill healthy app servers; /readyz says whether this server can serve real traffic.
"""

import time

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.loader import MigrationLoader
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


# Reading the migration graph takes tens of milliseconds: once everything is applied,
# trust that for a minute (migrations only change with a deploy).
_MIGRATED_UNTIL = 0.0
MIGRATED_TRUST_SECONDS = 60


def unapplied_migrations(alias: str = DEFAULT_DB_ALIAS) -> list[str]:
    global _MIGRATED_UNTIL
    if time.monotonic() < _MIGRATED_UNTIL:
        return []
    loader = MigrationLoader(connections[alias])
    # Every migration of the code that the database has not recorded (not only the leaves).
    pending = sorted(
        f"{app}.{name}" for app, name in set(loader.graph.nodes) - set(loader.applied_migrations)
    )
    if not pending:
        _MIGRATED_UNTIL = time.monotonic() + MIGRATED_TRUST_SECONDS
    return pending


@never_cache
def readyz(request: HttpRequest) -> HttpResponse:
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
        pending = unapplied_migrations()
    except DatabaseError as exc:
        return JsonResponse(
            {"status": "unavailable", "reason": "database unreachable", "detail": str(exc)[:200]},
            status=503,
            headers={"Retry-After": "5"},
        )
    if pending:
        return JsonResponse(
            {"status": "unavailable", "reason": "unapplied migrations", "migrations": pending},
            status=503,
        )
    return JsonResponse({"status": "ok"})
