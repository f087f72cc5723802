#!/usr/bin/env python3
"""Markdown tables from bench/run.py's JSON: one per server, with the cost of a cache miss.

    python bench/report.py bench/results/bench-100000-*.json

"view" columns come from the gunicorn-nocache pass of the same run (page, API and fragment
caches off), when it was measured: what a request costs when nothing is cached, under the same
load ("timed out": no answer within wrk's 5 s). "miss ms" is the first request of the run
for that URL, alone, with nothing cached yet.
"""

import json
import sys
from pathlib import Path


def table(report: dict, kind: str) -> str:
    data = report["servers"][kind]
    views = {r["name"]: r for r in report["servers"].get("gunicorn-nocache", {}).get("rows", [])}
    lines = [
        f"**{kind}**, {report['connections']} connections; worker RSS after the run: "
        f"{data['worker_rss_mb']} MB",
        "",
        "| URL | req/s | ratio to /healthz | p50 ms | p95 ms | p99 ms | SQL (miss) "
        "| view req/s | view p99 ms | miss ms |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in data["rows"]:
        view = views.get(r["name"])
        if not view:
            view_cells = "- | -"
        elif not view["requests"]:
            view_cells = "0 | timed out"
        else:
            view_cells = f"{view['rps']:.0f} | {view['p99_ms']}"
        lines.append(
            f"| {r['name']} | {r['rps']:.0f} | {r['ratio']:.2f} | {r['p50_ms']} | {r['p95_ms']} "
            f"| {r['p99_ms']} | {r['queries']} | {view_cells} | {r.get('first_ms', '-')} |"
        )
    return "\n".join(lines)


def main() -> int:
    for path in sys.argv[1:]:
        report = json.loads(Path(path).read_text())
        total = report.get("documents_total", report["documents"])
        print(f"### {report['documents']} generated documents ({total} in all)\n")
        for kind in report["servers"]:
            if kind != "gunicorn-nocache":
                print(table(report, kind) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
