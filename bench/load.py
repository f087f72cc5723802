#!/usr/bin/env python3
"""Load and fault run: 64 connections of mixed traffic, then PostgreSQL restarted under load.

1. Throwaway PostgreSQL on 127.0.0.1 (LOAD_PGPORT, default a free port), migrate, fixtures and
   a small generated corpus; granian as deployed (deploy/serve.py; or gunicorn, --server) on
   127.0.0.1 (LOAD_PORT, default a free port), with a throwaway Redis as the shared cache
   (--cache redis, the default) or without (--cache local).
2. Load: wrk, 64 connections, pages + API lists and details + search mixed, 60 s (10 s with
   --short): zero socket errors and zero non-2xx/3xx answers; reports req/s and p99.
3. Restart: a write committed, wrk running, PostgreSQL stopped for a few seconds and started
   again. While it is down the app must answer 503 quickly (no request beyond 5 s, no other
   5xx); after it is back the app must serve 200s again by itself within 10 s; every row
   counted before is still there, the committed write included.
Exits non-zero on any failure; stops everything it started.
"""

import argparse
import json
import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import (
    PgCluster,
    RedisServer,
    Server,
    app_env,
    http_get,
    log,
    manage,
    prepare_database,
    probe,
    wrk,
)

MIX = {
    "home", "presidency", "theme-matrix", "document", "document-list",
    "api-list", "api-detail", "search-words", "api-search",
}  # fmt: skip
TABLES = [
    "presidencies_presidency", "presidencies_priority", "presidencies_theme",
    "presidencies_summit", "presidencies_official", "documents_document", "documents_citation",
    "documents_historicaldocument",
]  # fmt: skip
MAX_LATENCY_S = 5.0
RECOVERY_LIMIT_S = 10.0


RESULTS = Path(__file__).resolve().parent / "results"
REVISION_REUSE_S = 1.0  # KB_REVISION_CACHE_MS, as app_env sets it


def count_rows(pg: PgCluster) -> dict[str, int]:
    return {t: int(pg.psql(f"SELECT count(*) FROM {t}")) for t in TABLES}  # noqa: S608


def commit_marker(env: dict[str, str], slug: str) -> None:
    """A change made through Django (history and all), committed just before the restart."""
    manage(
        env, "shell", "-c",
        "from presidencies.models import Theme; "
        f"Theme.objects.create(name='Restart marker {slug}', slug='{slug}')",
    )  # fmt: skip


class Prober(threading.Thread):
    """Requests a page every 0.2 s through the outage, recording (time, status, seconds)."""

    def __init__(self, url: str):
        super().__init__(daemon=True)
        self.url, self.samples, self.stopping = url, [], threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            status, seconds = http_get(self.url, timeout=15)
            self.samples.append((time.monotonic(), status, seconds))
            time.sleep(0.2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="CI: 10 s load, shorter restart")
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument(
        "--server",
        default="granian",
        choices=["gunicorn", "granian"],
        help="the application server under test (compare their robustness)",
    )
    parser.add_argument(
        "--cache",
        default="redis",
        choices=["redis", "local"],
        help="redis: a throwaway Redis shared by the workers (as deployed); local: each "
        "worker's own memory (REDIS_URL unset)",
    )
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 3)))
    parser.add_argument(
        "--pg-port", type=int, default=int(os.environ.get("LOAD_PGPORT", 0)), help="0: a free port"
    )
    parser.add_argument(
        "--port", type=int, default=int(os.environ.get("LOAD_PORT", 0)), help="0: a free port"
    )
    args = parser.parse_args()
    if args.short:
        args.duration = min(args.duration, 10)
    failures: list[str] = []
    report: dict = {}

    pg = PgCluster(args.pg_port)
    redis = RedisServer() if args.cache == "redis" else None
    server = None
    try:
        log(f"PostgreSQL on 127.0.0.1:{pg.port}")
        pg.init()
        env = app_env(pg.url)
        if redis:
            redis.start()
            log(f"Redis on 127.0.0.1:{redis.port}")
            env["REDIS_URL"] = redis.url
        prepare_database(env, args.documents, presidencies=10)
        urls = [u for u in probe(env) if u["name"] in MIX]
        paths = [u["path"] for u in urls if u["status"] == 200]
        for u in urls:
            if u["status"] in (None, 404):
                log(f"SKIP {u['name']}: {u['path']} answered {u['status']}")
            elif u["status"] != 200:
                failures.append(f"{u['name']}: {u['path']} answered {u['status']}")
        if not paths:
            # Only while developing, before the pages and the API exist on this branch.
            log("SKIP: no page or API URL answers 200; loading /readyz (a database query)")
            paths = ["/readyz"]
        report["paths"] = paths
        server = Server(args.server, args.port, env, workers=args.workers)
        server.start()

        # 1. Load.
        log(f"load: {args.connections} connections, {args.duration:g} s, {len(paths)} URLs")
        result = wrk(server.base, paths, connections=args.connections, duration=args.duration,
                     count_status=True)  # fmt: skip
        report["load"] = result
        log(f"load: {result['rps']:.0f} req/s, p50 {result['p50_ms']} ms, "
            f"p99 {result['p99_ms']} ms, socket errors {result['socket_errors']}, "
            f"non-2xx/3xx {result['status']}")  # fmt: skip
        if result["socket_errors"] or result["status"]:
            failures.append(f"load run had errors: {result}")

        # 2. PostgreSQL restart under load.
        marker = f"restart-marker-{int(time.time())}"
        commit_marker(env, marker)
        before = count_rows(pg)
        restart_load = max(args.duration / 2, 12)
        down_for = 3 if args.short else 5
        log(f"restart: wrk {restart_load:g} s; PostgreSQL down for {down_for} s after 3 s")
        holder: dict = {}
        runner = threading.Thread(
            target=lambda: holder.update(
                wrk(
                    server.base,
                    paths,
                    connections=args.connections,
                    duration=restart_load,
                    count_status=True,
                    timeout="10s",
                )  # fmt: skip
            )
        )
        prober = Prober(server.base + paths[0])
        runner.start()
        prober.start()
        time.sleep(3)
        down_at = time.monotonic()
        pg.stop()  # fast shutdown: waits until the server is gone
        stopped_at = time.monotonic()
        time.sleep(down_for)
        # PostgreSQL accepts connections a little before pg_ctl says it is up: "while down"
        # ends when the start begins.
        starting_at = time.monotonic()
        pg.start()
        up_at = time.monotonic()
        recovered_at = None
        while time.monotonic() - up_at < 30:
            status, _ = http_get(server.base + paths[0], timeout=10)
            if status == 200:
                recovered_at = time.monotonic()
                break
            time.sleep(0.1)
        runner.join()
        prober.stopping.set()
        prober.join()
        # A worker may answer from its cached pages for KB_REVISION_CACHE_MS after its last
        # read of the revision, which can succeed until the server has finished stopping:
        # past that, only 503s.
        settled = stopped_at + 0.2 + REVISION_REUSE_S
        early = sorted({s for t, s, _ in prober.samples if down_at < t <= settled})
        # Samples are stamped when the answer arrived.
        during = [(s, sec) for t, s, sec in prober.samples if settled < t < starting_at]
        restart = {
            "wrk": holder,
            "down_seconds": round(up_at - down_at, 2),
            "stop_seconds": round(stopped_at - down_at, 2),
            "probe_statuses_first_second": early,
            "probe_statuses_while_down": sorted({s for s, _ in during}),
            "probe_max_seconds_while_down": round(max((sec for _, sec in during), default=0), 3),
            "recovery_seconds": round(recovered_at - up_at, 2) if recovered_at else None,
        }
        log(f"restart: {json.dumps(restart)}")
        if holder.get("s5xx") or holder.get("timeout") or holder.get("connect"):
            failures.append("restart: 5xx other than 503, timeouts or refused connections")
        if holder.get("max_ms", 0) > MAX_LATENCY_S * 1000:
            failures.append(f"restart: a request took {holder['max_ms']} ms")
        if set(early) - {200, 503}:
            failures.append(f"restart: just after the stop the app answered {early}")
        if not during or set(restart["probe_statuses_while_down"]) != {503}:
            failures.append(
                f"restart: while down the app answered {restart['probe_statuses_while_down']}"
            )
        if restart["probe_max_seconds_while_down"] > MAX_LATENCY_S:
            failures.append("restart: a 503 took longer than 5 s")
        if recovered_at is None or recovered_at - up_at > RECOVERY_LIMIT_S:
            failures.append(f"restart: no recovery within {RECOVERY_LIMIT_S} s")

        # After recovery: clean traffic again, and nothing lost.
        after_run = wrk(server.base, paths, connections=args.connections, duration=5,
                        count_status=True)  # fmt: skip
        restart["after"] = after_run
        if after_run["socket_errors"] or after_run["status"]:
            failures.append(f"after the restart: errors {after_run}")
        after = count_rows(pg)
        restart["rows_before"], restart["rows_after"] = before, after
        if after != before:
            failures.append(f"rows changed across the restart: {before} -> {after}")
        if pg.psql(f"SELECT count(*) FROM presidencies_theme WHERE slug = '{marker}'") != "1":  # noqa: S608
            failures.append("the write committed before the restart is missing")
        report["restart"] = restart
    finally:
        if server:
            server.stop()
        if redis:
            redis.stop()
        pg.destroy()
    report["server"], report["cache"], report["failures"] = args.server, args.cache, failures
    print(json.dumps(report, indent=1))
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"load-{args.server}-{args.cache}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(report, indent=1))
    log(f"JSON written to {out}")
    for failure in failures:
        log(f"FAIL {failure}")
    log("load and restart runs passed" if not failures else "FAILED")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
