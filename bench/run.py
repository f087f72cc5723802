#!/usr/bin/env python3
"""Benchmark: pages, API and search against the app's own floor (/healthz), same run.

Starts a throwaway PostgreSQL on 127.0.0.1, loads the fixtures plus a generated corpus of
--documents N, counts SQL queries per URL (manage.py bench_probe), then serves the app with
each server (gunicorn, granian; optionally gunicorn without its caches) and drives each
URL with wrk. Prints a table and writes JSON to bench/results/. Exits non-zero when a URL
errors. URLs that do not exist on this branch are skipped with a message.

    python bench/run.py --documents 10000          # full: 10 s per URL and server
    python bench/run.py --documents 1000 --short   # CI: 2 s per URL
    python bench/run.py --database-url URL --servers gunicorn-nocache --misses-only

Each server also answers the miss set (bench/misses.py): 50+ distinct searches, each asked
once of the page and of the API, timed alone, reported per class of query. Each caching
server is then timed for its recovery after an editor's change: the seconds until every
URL is served from cache again under load. --vocabulary zipf generates a corpus whose words
follow Zipf frequencies instead of the dense recombination of the seed sentences.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

import harness
import misses
from harness import http_get, log, wrk, wrk_command


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    harness.add_run_arguments(parser, documents=0, duration=10)
    parser.add_argument(
        "--vocabulary",
        choices=["dense", "zipf"],
        default="dense",
        help="the generated corpus: dense (the seed sentences recombined: common words in "
        "nearly every document) or zipf (Zipf word frequencies: rare words rare)",
    )
    parser.add_argument(
        "--servers",
        default=None,
        help="comma-separated: gunicorn, granian (each worker its own local-memory cache), "
        "gunicorn-redis, granian-redis (one Redis cache for all workers, as deployed), "
        "gunicorn-nocache (page, API and fragment caches off: the views themselves); default "
        "all five, --short: gunicorn-redis,granian-redis,gunicorn",
    )
    parser.add_argument("--only", default="", help="comma-separated URL names to run")
    parser.add_argument("--short", action="store_true", help="CI: 2 s per URL, two servers")
    parser.add_argument("--pg-port", type=int, default=0, help="0: a free port")
    parser.add_argument("--port", type=int, default=0, help="0: a free port")
    parser.add_argument(
        "--database-url",
        help="benchmark an existing, prepared PostgreSQL database instead of a throwaway one "
        "(no corpus generated; --documents is then only a label)",
    )
    parser.add_argument("--no-misses", action="store_true", help="skip the miss set")
    parser.add_argument(
        "--misses-only", action="store_true", help="the miss set alone, no wrk runs"
    )
    args = parser.parse_args()
    if args.short:
        args.duration = min(args.duration, 2)
    if args.servers is None:
        args.servers = (
            "gunicorn-redis,granian-redis,gunicorn"
            if args.short
            else "gunicorn-redis,granian-redis,gunicorn,granian,gunicorn-nocache"
        )
    kinds = args.servers.split(",")

    pg = None if args.database_url else harness.PgCluster(args.pg_port)
    database_url = args.database_url or pg.url
    server = None
    redis = harness.RedisServer() if any(k.endswith("-redis") for k in kinds) else None
    report = {
        "documents": args.documents,
        "vocabulary": args.vocabulary,
        "connections": args.connections,
        "servers": {},
    }
    # Shared machines: the load when the run started and ended says how noisy it was.
    report["loadavg_start"] = [round(x, 2) for x in os.getloadavg()]
    failures = []
    try:
        env = harness.app_env(database_url)
        if pg:
            log(f"PostgreSQL on 127.0.0.1:{pg.port}")
            pg.init()
            started = time.monotonic()
            harness.prepare_database(env, args.documents, args.presidencies, args.vocabulary)
            report["prepare_seconds"] = round(time.monotonic() - started, 1)
            pg.psql("VACUUM ANALYZE")
        else:
            harness.manage(env, "collectstatic", "--noinput", "-v0")
        report["documents_total"] = count_documents(env)
        urls = harness.probe(env)
        wanted = set(filter(None, args.only.split(",")))
        runnable = []
        for url in urls:
            if wanted and url["name"] not in wanted and url["name"] != "healthz":
                continue
            if url["status"] in (None, 404):
                log(f"SKIP {url['name']}: {url['path'] or 'no route'} answered {url['status']}")
                report.setdefault("skipped", []).append(url)
                continue
            if url["status"] != 200:
                failures.append(f"{url['name']}: {url['path']} answered {url['status']}")
                continue
            runnable.append(url)
        if redis:
            redis.start()
            log(f"Redis on 127.0.0.1:{redis.port}")
        slug = None
        for kind in kinds:
            extra = {}
            if kind.endswith("nocache"):
                # Every cache keyed on the revision off: what a page costs after an edit.
                extra = {"PAGE_CACHE_ENABLED": "0", "FRAGMENT_CACHE_ENABLED": "0"}
            if kind.endswith("-redis"):
                redis.flush()
                extra["REDIS_URL"] = redis.url
            server = harness.Server(
                kind, args.port, harness.app_env(database_url, **extra), workers=args.workers
            )
            server.start()
            rows = []
            if not args.no_misses:
                # Before wrk: nothing this server answered is cached yet.
                floor_ms = statistics.median(
                    http_get(server.base + "/healthz")[1] * 1000 for _ in range(7)
                )
                if slug is None:
                    slug = presidency_slug(env)
                result = misses.run(server.base, slug)
                failures += [f"{kind} miss {f}" for f in result["failures"]]
                report["servers"].setdefault(kind, {})
                report["servers"][kind]["misses"] = result["misses"]
                report["servers"][kind]["healthz_alone_ms"] = round(floor_ms, 1)
                misses.print_table(kind, result["misses"], floor_ms)
            if args.misses_only:
                server.stop()
                server = None
                continue
            for url in runnable:
                # Warm up: one request renders the page (at 100,000 documents a search may
                # take seconds, which would otherwise fall into the measured run), then a
                # second under the same concurrency, so that every worker has its
                # connection, compiled templates and, with local memory, its own copy.
                # That first request is also a miss measured alone: what a new URL costs.
                _status, first_seconds = http_get(server.base + url["path"], timeout=120)
                wrk(server.base, [url["path"]], connections=args.connections, duration=1)
                result = wrk(
                    server.base, [url["path"]],
                    connections=args.connections, duration=args.duration,
                )  # fmt: skip
                result.update(name=url["name"], path=url["path"], queries=url["queries"],
                              queries_cached=url["queries_cached"],
                              first_ms=round(first_seconds * 1000, 1))  # fmt: skip
                if result["socket_errors"] or result["status"]:
                    failures.append(f"{kind} {url['name']}: {result}")
                rows.append(result)
            floor = next(r["rps"] for r in rows if r["name"] == "healthz")
            for row in rows:
                row["ratio"] = round(row["rps"] / floor, 3)
            report["servers"].setdefault(kind, {})
            report["servers"][kind].update(rows=rows, worker_rss_mb=server.worker_rss_mb())
            if not kind.endswith("nocache"):
                recovery = recovery_after_edit(server.base, env, rows, args.connections)
                report["servers"][kind]["recovery"] = recovery
                if recovery["unrecovered"]:
                    failures.append(f"{kind} not cached again after an edit: {recovery}")
            server.stop()
            server = None
            print_table(kind, report["servers"][kind], args)
    finally:
        harness.stop_all(server, redis, pg)
    report["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    log(f"load average: start {report['loadavg_start']}, end {report['loadavg_end']}")
    return harness.write_report(f"bench-{args.documents}", report, failures)


RECOVERY_LIMIT_SECONDS = 120


def recovery_after_edit(base: str, env: dict[str, str], rows: list[dict], connections: int):
    """Seconds from an editor's change until every benchmarked URL is served from cache
    again, under the benchmark's load (wrk on all the URLs at once, in the background).

    The edit is a real save of a document (the revision changes: every page and API read
    is a miss). A URL counts as cached again when a request to it takes at most three
    times its cached p95 from the run just made (and at most 50 ms above it): a miss
    renders the page, which takes far longer. Bounded: RECOVERY_LIMIT_SECONDS.
    """
    paths = [r["path"] for r in rows if r["name"] != "healthz"]
    limit = {r["path"]: 3 * r["p95_ms"] + 50 for r in rows}
    cmd, wrk_env = wrk_command(
        base, paths, connections=connections, duration=RECOVERY_LIMIT_SECONDS
    )
    load = subprocess.Popen(cmd, env=wrk_env, stdout=subprocess.DEVNULL)  # noqa: S603
    try:
        time.sleep(1)  # the load is on
        code = (
            "from documents.models import Document; d = Document.objects.order_by('pk').first(); "
            "d.editorial_note = (d.editorial_note + ' ').strip() + '.'; d.save()"
        )
        harness.manage(env, "shell", "-c", code)
        edited = time.monotonic()
        pending = set(paths)
        per_url: dict[str, float] = {}
        while pending and time.monotonic() - edited < RECOVERY_LIMIT_SECONDS:
            for path in sorted(pending):
                _status, seconds = http_get(base + path, timeout=60)
                if seconds * 1000 <= limit[path]:
                    per_url[path] = round(time.monotonic() - edited, 2)
                    pending.discard(path)
    finally:
        load.terminate()
        load.wait(timeout=10)
    result = {
        "seconds": max(per_url.values()) if per_url and not pending else None,
        "per_url": per_url,
        "unrecovered": sorted(pending),
    }
    log(f"recovery after an edit: {result['seconds']} s, unrecovered {result['unrecovered']}")
    return result


def count_documents(env: dict[str, str]) -> int:
    code = "from documents.models import Document; print(Document.objects.count())"
    return int(harness.manage(env, "shell", "-c", code).strip().splitlines()[-1])


def presidency_slug(env: dict[str, str]) -> str | None:
    """The chairmanship with most documents, for the miss set's filtered queries."""
    code = (
        "from django.db.models import Count; from presidencies.models import Presidency; "
        "p = Presidency.objects.annotate(n=Count('documents')).order_by('-n', 'pk').first(); "
        "print(p.slug if p else '')"
    )
    return harness.manage(env, "shell", "-c", code).strip().splitlines()[-1] or None


def print_table(kind: str, data: dict, args) -> None:
    print(f"\n{kind}: {args.connections} connections, {args.duration:g} s per URL, "
          f"{args.workers} workers; corpus {args.documents} generated documents")  # fmt: skip
    print(f"{'URL':15} {'req/s':>8} {'ratio':>6} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
          f"{'SQL':>4} {'SQL hit':>7} {'errors':>6} {'miss ms':>8}")  # fmt: skip
    for r in data["rows"]:
        print(f"{r['name']:15} {r['rps']:8.0f} {r['ratio']:6.2f} {r['p50_ms']:7.1f} "
              f"{r['p95_ms']:7.1f} {r['p99_ms']:7.1f} {r['queries']:4d} {r['queries_cached']:7d} "
              f"{r['socket_errors'] + r['status']:6d} {r['first_ms']:8.1f}")  # fmt: skip
    print(f"worker RSS after the run (MB): {data['worker_rss_mb']}", flush=True)
    if "recovery" in data:
        recovery = data["recovery"]
        print(f"after an edit, every URL cached again in {recovery['seconds']} s under load "
              f"(unrecovered: {recovery['unrecovered'] or 'none'})", flush=True)  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
