"""bench_probe: the benchmark's URLs with their status and SQL queries per request."""

import json
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command


@pytest.mark.django_db
def test_bench_probe_reports_status_and_queries_of_each_url(seed, capsys):
    call_command("bench_probe", "floor=/healthz", "missing=/no-such-page/")
    rows = {row["name"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["healthz"] == rows["floor"] | {"name": "healthz"}
    assert rows["healthz"]["status"] == 200
    assert rows["healthz"]["queries"] == 0
    assert rows["missing"]["status"] == 404
    assert {"home", "presidency", "document", "api-list", "search-words"} <= rows.keys()


def test_bench_report_renders_each_server_with_the_cost_of_a_miss(tmp_path):
    def row(name, rps, requests=100, first=None):
        return {"name": name, "rps": rps, "ratio": rps / 1000, "p50_ms": 1.0, "p95_ms": 2.0,
                "p99_ms": 3.0, "queries": 4, "requests": requests, "first_ms": first}  # fmt: skip

    report = {
        "documents": 10,
        "connections": 16,
        "servers": {
            "granian-redis": {
                "rows": [row("healthz", 1000, first=1.5), row("search-word", 800, first=420.0)],
                "worker_rss_mb": [90.0],
            },
            "gunicorn-nocache": {
                "rows": [row("healthz", 900), row("search-word", 0, requests=0)],
                "worker_rss_mb": [80.0],
            },
        },
    }
    (tmp_path / "r.json").write_text(json.dumps(report))
    # Run as the benchmark runs it: a script beside the project, not a module of it.
    text = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, str(settings.BASE_DIR / "bench" / "report.py"), str(tmp_path / "r.json")],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    assert "| search-word | 800 | 0.80 | 1.0 | 2.0 | 3.0 | 4 | 0 | timed out | 420.0 |" in text
    assert "| healthz | 1000 | 1.00 | 1.0 | 2.0 | 3.0 | 4 | 900 | 3.0 | 1.5 |" in text
