"""gunicorn settings, all from the environment (`make serve-prod APP_SERVER=gunicorn`; the
default production server is granian, deploy/serve.py).

WEB_CONCURRENCY     worker processes (default: 2 x CPUs + 1)
GUNICORN_THREADS    threads per worker (default 1: sync workers; >1 switches to gthread)
GUNICORN_TIMEOUT    seconds before a stuck worker is killed and replaced (default 30)
GUNICORN_BIND       address (default 0.0.0.0:$PORT, PORT default 8000)
GUNICORN_ACCESSLOG  "-" (stdout, default) or a path, or "off"
GUNICORN_FORWARDED_ALLOW_IPS  proxies trusted for X-Forwarded-* (default 127.0.0.1)
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


bind = os.environ.get("GUNICORN_BIND") or f"0.0.0.0:{_int('PORT', 8000)}"
workers = _int("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1)
threads = _int("GUNICORN_THREADS", 1)
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 20)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
backlog = _int("GUNICORN_BACKLOG", 2048)
# Recycle workers now and then: bounds the memory any leak could take. Not too often: a
# worker's boot costs about a second of CPU and, with local-memory caching, its cache.
max_requests = _int("GUNICORN_MAX_REQUESTS", 100_000)
max_requests_jitter = max_requests // 10
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# Heartbeat files in memory, not on a possibly slow disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108

_access = os.environ.get("GUNICORN_ACCESSLOG", "-")
accesslog = None if _access == "off" else _access
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
