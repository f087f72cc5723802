"""Servers on this machine for the tests and the benchmarks: a free port, an HTTP probe, a
throwaway Redis, and a server's worker processes. No Django here: bench/ runs these before
any settings exist."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

PS = shutil.which("ps") or "/bin/ps"


def free_port() -> int:
    """A TCP port nobody listens on now: fixed ports clash with other runs on the same host."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """A throwaway Redis on 127.0.0.1 (no persistence): the shared cache of a deployment."""

    def __init__(self, port: int = 0):
        self.port = port or free_port()
        self.proc: subprocess.Popen | None = None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 10) -> None:
        binary = shutil.which("redis-server")
        if not binary:
            sys.exit("redis-server not found (apt-get install redis-server).")
        self.proc = subprocess.Popen(  # noqa: S603
            [binary, "--bind", "127.0.0.1", "--port", str(self.port), "--save", "",
             "--appendonly", "no", "--loglevel", "warning"],
            stdout=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        import redis  # redis-py, installed with django-redis

        self.client = redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=5)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(redis.ConnectionError):
                if self.client.ping():
                    return
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"redis-server did not answer on 127.0.0.1:{self.port}")

    def flush(self) -> None:
        """Empty it: each server measured starts from a cold shared cache."""
        self.client.flushall()

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None


def http_get(url: str, timeout: float = 10) -> tuple[int, float]:
    """(status, seconds); status 0 when no HTTP answer came."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
            response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    except (urllib.error.URLError, TimeoutError, ConnectionError, OSError):
        status = 0
    return status, time.monotonic() - started


def child_processes(pid: int, *fields: str) -> list[list[int]]:
    """The given numeric `ps` fields (pid, rss, ...) of each child of process `pid`: the
    workers of a server's master."""
    out = subprocess.run(  # noqa: S603 - ps on a process of ours
        [PS, "-o", ",".join(f"{name}=" for name in fields), "--ppid", str(pid)],
        capture_output=True, text=True, check=False,
    ).stdout  # fmt: skip
    return [[int(value) for value in line.split()] for line in out.splitlines() if line.strip()]
