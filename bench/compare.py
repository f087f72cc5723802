#!/usr/bin/env python3
"""Cached figures of two checkouts in one run: this one against a baseline revision.

A change must keep every cached figure within a margin of the code before it. Two runs of
bench/run.py minutes apart cannot show that on a shared two-core machine: /healthz alone
moves by a quarter between them. Here both checkouts run at once, each on its own
database (prepared by its own code, with the same corpus size) and its own Redis
database, and every URL is driven alternately on one server and the other, in the order
ABBA repeated --rounds times, so that a change of load falls on both alike. Reported per
URL: the median req/s of each, after/before, and the same for the ratio to /healthz.

    python bench/compare.py --baseline af986dc --documents 10000
    python bench/compare.py --baseline HEAD~3 --documents 1000 --rounds 2 --duration 2

The baseline is checked out with `git worktree` into a temporary directory (removed at
the end) and runs in this checkout's virtualenv. Exits non-zero when a URL errors or
when --margin is given and a figure is worse than after/before = 1 - margin.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import harness
from harness import ROOT, PgCluster, RedisServer, Server, app_env, http_get, log, wrk


def checkout(revision: str) -> Path:
    """A detached worktree of `revision` with its translation catalogue compiled."""
    path = Path(tempfile.mkdtemp(prefix="cstokb-baseline-")) / "tree"
    subprocess.run(  # noqa: S603
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(path), revision],  # noqa: S607
        check=True,
    )
    subprocess.run(  # noqa: S603
        [harness.PYTHON, "manage.py", "compilemessages", "--ignore=.venv", "-v0"],
        cwd=path, env={**os.environ, "DJANGO_DEBUG": "1"}, check=True,
    )  # fmt: skip
    return path


def remove(path: Path) -> None:
    subprocess.run(  # noqa: S603
        ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(path)],  # noqa: S607
        check=False,
    )
    shutil.rmtree(path.parent, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", required=True, help="git revision to compare against")
    harness.add_run_arguments(parser, documents=10000, duration=5)
    parser.add_argument(
        "--server",
        default="granian-redis",
        choices=["granian-redis", "gunicorn-redis", "granian", "gunicorn"],
    )
    parser.add_argument("--rounds", type=int, default=3, help="ABBA rounds per URL")
    parser.add_argument(
        "--margin",
        type=float,
        default=None,
        help="fail when a URL's after/before is below 1 - margin (0.1: 10%%)",
    )
    args = parser.parse_args()

    base_root = checkout(args.baseline)
    pg = PgCluster()
    redis = RedisServer() if args.server.endswith("-redis") else None
    servers: dict[str, Server] = {}
    report = {"baseline": args.baseline, "documents": args.documents, "server": args.server,
              "rounds": args.rounds, "duration": args.duration, "urls": {}}  # fmt: skip
    failures = []
    try:
        pg.init()
        subprocess.run(  # noqa: S603
            [*pg.psql_args("postgres"), "-qc", "CREATE DATABASE cstokb_baseline"],
            check=True, capture_output=True,
        )  # fmt: skip
        if redis:
            redis.start()
        trees = {"before": base_root, "after": ROOT}
        databases = {"before": "cstokb_baseline", "after": "cstokb"}
        envs, paths = {}, {}
        for number, (side, root) in enumerate(trees.items()):
            database = f"{pg.url.rsplit('/', 1)[0]}/{databases[side]}"
            # One Redis, a database number each: neither side reads the other's pages.
            extra = {"REDIS_URL": f"{redis.url.rsplit('/', 1)[0]}/{number}"} if redis else {}
            envs[side] = app_env(database, **extra)
            started = time.monotonic()
            harness.prepare_database(envs[side], args.documents, args.presidencies, root=root)
            report[f"prepare_seconds_{side}"] = round(time.monotonic() - started, 1)
            subprocess.run(  # noqa: S603
                [*pg.psql_args(databases[side]), "-qc", "VACUUM ANALYZE"], check=True
            )
            paths[side] = {u["name"]: u["path"] for u in harness.probe(envs[side], root=root)
                           if u["status"] == 200}  # fmt: skip
        names = [n for n in paths["after"] if n in paths["before"]]
        skipped = sorted(set(paths["after"]) ^ set(paths["before"]))
        if skipped:
            log(f"URLs on one side only, not compared: {skipped}")
        report["loadavg_start"] = [round(x, 2) for x in os.getloadavg()]
        for side, root in trees.items():
            servers[side] = Server(args.server, 0, envs[side], workers=args.workers, root=root)
            servers[side].start()
        rps = {name: {"before": [], "after": []} for name in names}
        for name in names:
            for side in trees:  # warm: render once, then every worker under load
                http_get(servers[side].base + paths[side][name], timeout=120)
                base, path = servers[side].base, paths[side][name]
                wrk(base, [path], connections=args.connections, duration=1)
            for _ in range(args.rounds):
                for side in ("before", "after", "after", "before"):
                    result = wrk(servers[side].base, [paths[side][name]],
                                 connections=args.connections, duration=args.duration)  # fmt: skip
                    if result["socket_errors"] or result["status"]:
                        failures.append(f"{side} {name}: {result}")
                    rps[name][side].append(result["rps"])
        report["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    finally:
        for server in servers.values():
            server.stop()
        if redis:
            redis.stop()
        pg.destroy()
        remove(base_root)

    median = {n: {s: statistics.median(v) for s, v in sides.items()} for n, sides in rps.items()}
    floor = median.get("healthz", {"before": 1.0, "after": 1.0})
    print(f"\n{args.server}: {args.documents} documents, {args.rounds} ABBA rounds of "
          f"{args.duration:g} s per URL, {args.connections} connections; "
          f"before = {args.baseline}, after = this checkout")  # fmt: skip
    print(f"{'URL':15} {'before':>8} {'after':>8} {'after/before':>12} "
          f"{'ratio before':>12} {'ratio after':>11} {'ratio a/b':>9}")  # fmt: skip
    for name, m in median.items():
        ratio = {s: m[s] / floor[s] for s in m}
        row = {
            "rps": m,
            "runs": rps[name],
            "after_over_before": m["after"] / m["before"],
            "ratio": ratio,
            "ratio_after_over_before": ratio["after"] / ratio["before"],
        }
        report["urls"][name] = row
        print(f"{name:15} {m['before']:8.0f} {m['after']:8.0f} {row['after_over_before']:12.2f} "
              f"{ratio['before']:12.2f} {ratio['after']:11.2f} "
              f"{row['ratio_after_over_before']:9.2f}")  # fmt: skip
        if args.margin is not None and row["after_over_before"] < 1 - args.margin:
            failures.append(f"{name}: after/before {row['after_over_before']:.2f}")
    log(f"load average: start {report['loadavg_start']}, end {report['loadavg_end']}")
    return harness.write_report(f"compare-{args.documents}", report, failures)


if __name__ == "__main__":
    sys.exit(main())
