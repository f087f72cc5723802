"""The production entry point (deploy/serve.py): granian from the environment, a query timeout."""

import os
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from deploy import serve
from deploy.local import child_processes, free_port, http_get


def test_the_command_follows_the_environment(monkeypatch):
    monkeypatch.setenv("WEB_CONCURRENCY", "2")
    monkeypatch.setenv("APP_BIND", "127.0.0.1:9123")
    monkeypatch.setenv("APP_ACCESS_LOG", "0")
    args = serve.command()
    assert args[0].endswith("/granian")
    pairs = dict(zip(args[1:], args[2:], strict=False))
    assert pairs["--interface"] == "wsgi"
    assert (pairs["--host"], pairs["--port"], pairs["--workers"]) == ("127.0.0.1", "9123", "2")
    assert pairs["--workers-max-rss"] == "300"
    # Bounded threads, so bounded database connections: workers x threads.
    assert pairs["--blocking-threads"] == "2"
    assert "--respawn-failed-workers" in args
    assert "--access-log" not in args
    assert args[-1] == "cstokb.wsgi:application"


@pytest.mark.parametrize(("name", "value"), [("APP_ACCESS_LOG", "nope"), ("APP_THREADS", "two")])
def test_a_launcher_setting_it_does_not_understand_stops_the_start(monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(ImproperlyConfigured, match=name):
        serve.command()


def test_the_server_processes_get_a_statement_timeout(monkeypatch):
    monkeypatch.delenv("DJANGO_DB_STATEMENT_TIMEOUT_MS", raising=False)
    assert serve.environment()["DJANGO_DB_STATEMENT_TIMEOUT_MS"] == "15000"
    monkeypatch.setenv("APP_STATEMENT_TIMEOUT_MS", "5000")
    assert serve.environment()["DJANGO_DB_STATEMENT_TIMEOUT_MS"] == "5000"


def serve_env(port: int, workers: int) -> dict[str, str]:
    return {
        **os.environ,
        "APP_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": str(workers),
        "APP_ACCESS_LOG": "0",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "serve-test-" + "k" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
    }


def wait_for(predicate, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, what
        time.sleep(0.1)


def worker_pids(master: int) -> set[int]:
    return {pid for (pid,) in child_processes(master, "pid")}


def test_python_m_deploy_serve_serves_the_site():
    port = free_port()
    proc = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "deploy.serve"],
        cwd=settings.BASE_DIR, env=serve_env(port, 1), start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        healthz = f"http://127.0.0.1:{port}/healthz"
        wait_for(lambda: proc.poll() is None and http_get(healthz, timeout=2)[0] == 200, "up")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def test_a_killed_worker_is_replaced_and_the_site_keeps_serving(tmp_path):
    """The master holds the loaded application (APP_PRELOAD), so the replacement is a copy
    of it (bench/load.py times the respawn under load)."""
    port = free_port()
    log = tmp_path / "granian.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "deploy.serve"],
            cwd=settings.BASE_DIR, env=serve_env(port, 2), start_new_session=True,
            stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        healthz = f"http://127.0.0.1:{port}/healthz"
        wait_for(lambda: http_get(healthz, timeout=2)[0] == 200, "up")
        wait_for(lambda: len(worker_pids(proc.pid)) == 2, "two workers")
        before = worker_pids(proc.pid)
        victim = min(before)
        os.kill(victim, signal.SIGKILL)
        wait_for(lambda: len(worker_pids(proc.pid) - before) == 1, "a replacement")
        wait_for(lambda: log.read_text().count("Started worker") == 3, "the replacement started")
        assert proc.poll() is None
        assert victim not in worker_pids(proc.pid)
        assert all(http_get(healthz, timeout=5)[0] == 200 for _ in range(6))
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


@pytest.mark.django_db
def test_a_query_past_the_statement_timeout_is_cancelled():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's statement_timeout")
    db = settings.DATABASES["default"]
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    code = (
        "import django; django.setup(); from django.db import connection\n"
        "try:\n"
        "    connection.cursor().execute('SELECT pg_sleep(10)')\n"
        "except Exception as error:\n"
        "    print(type(error).__name__, error)\n"
    )
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_DB_STATEMENT_TIMEOUT_MS": "200"}
    started = time.monotonic()
    out = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True,
        cwd=settings.BASE_DIR,
    ).stdout  # fmt: skip
    assert "statement timeout" in out
    assert time.monotonic() - started < 8
