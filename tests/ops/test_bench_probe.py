"""bench_probe: the benchmark's URLs with their status and SQL queries per request."""

import json

import pytest
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
