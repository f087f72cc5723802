"""The production application server: granian, configured from the environment.

The default server (deploy/DEPLOY.md says why); gunicorn stays available
(`make serve-prod APP_SERVER=gunicorn`, gunicorn.conf.py).

WEB_CONCURRENCY          worker processes (default: 2 x CPUs + 1)
APP_BIND                 host:port (default 0.0.0.0:$PORT, PORT default 8000)
APP_THREADS              threads per worker running the app (default 2); each keeps its own
                         database connection, so a server holds at most workers x threads
                         of them (granian's own default is unbounded in practice).
                         Requests beyond that wait for a thread.
APP_BACKLOG              connections held while all workers are busy (default 2048)
APP_WORKER_MAX_RSS_MB    a worker above this resident memory is replaced (default 300): the
                         leak guard (gunicorn recycles by request count instead)
APP_STATEMENT_TIMEOUT_MS PostgreSQL cancels any one query of a request after this (default
                         15000), so no request holds a worker indefinitely (granian has no
                         per-request kill like gunicorn's --timeout); management commands
                         are not limited
APP_ACCESS_LOG           "1" (default) logs every request to stdout, "0" does not
APP_PRELOAD              "1" (default): the master process loads the application (Django,
                         the URLconf and the views it imports) before granian forks its
                         workers, so a worker that died is replaced by a copy of a loaded
                         process instead of one that imports everything again (seconds on
                         a busy host); "0" runs the granian command as is

    python -m deploy.serve          # what `make serve-prod` runs after migrate and collectstatic
"""

import multiprocessing
import os
import sys
from pathlib import Path

# The settings' helpers: a value they do not understand stops the start with its name.
from cstokb.env import env_bool, env_int, env_str


def command() -> list[str]:
    bind = env_str("APP_BIND") or f"0.0.0.0:{env_int('PORT', 8000)}"
    host, _, port = bind.rpartition(":")
    threads = env_int("APP_THREADS", 2)
    args = [
        str(Path(sys.executable).with_name("granian")),
        "--interface", "wsgi",
        "--host", host or "0.0.0.0",  # noqa: S104 - behind the load balancer, as gunicorn
        "--port", port,
        "--workers", str(env_int("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1)),
        "--blocking-threads", str(threads),
        "--backlog", str(env_int("APP_BACKLOG", 2048)),
        "--no-ws",
        "--respawn-failed-workers",
        "--workers-max-rss", str(env_int("APP_WORKER_MAX_RSS_MB", 300)),
        "--workers-kill-timeout", "20",
        "--log-level", env_str("APP_LOG_LEVEL", "info"),
    ]  # fmt: skip
    if env_bool("APP_ACCESS_LOG", True):
        args.append("--access-log")
    return [*args, "cstokb.wsgi:application"]


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault(
        "DJANGO_DB_STATEMENT_TIMEOUT_MS", str(env_int("APP_STATEMENT_TIMEOUT_MS", 15000))
    )
    return env


def preload() -> None:
    """Import what each worker would (granian forks its workers on Linux: they inherit it)."""
    from django.urls import get_resolver

    import cstokb.wsgi  # noqa: F401 - django.setup() and the WSGI handler

    get_resolver().url_patterns  # noqa: B018 - imports every view module


def main() -> None:
    args = command()
    env = environment()
    if not env_bool("APP_PRELOAD", True):
        os.execve(args[0], args, env)  # noqa: S606 - our own argv, no shell
    os.environ.update(env)
    preload()
    from granian.cli import cli

    cli(args[1:], prog_name="granian")


if __name__ == "__main__":
    main()
