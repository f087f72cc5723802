"""Shared plumbing for bench/run.py and bench/load.py: a throwaway PostgreSQL cluster on
127.0.0.1, manage.py calls, gunicorn/granian servers, wrk runs and the JSON report. Everything
started here is stopped by the caller's `finally` (stop_all)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the project's deploy.local, shared with the tests

from deploy.local import RedisServer, child_processes, free_port, http_get  # noqa: E402

__all__ = ["RedisServer", "free_port", "http_get"]  # re-exported for run.py and load.py
PYTHON = sys.executable
BIN = Path(PYTHON).parent
WRK_SCRIPT = Path(__file__).resolve().parent / "wrk.lua"
RESULTS = Path(__file__).resolve().parent / "results"
WRK = shutil.which("wrk") or "/usr/bin/wrk"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def pg_bin() -> Path:
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
    if not candidates:
        sys.exit("PostgreSQL server binaries not found (apt-get install postgresql).")
    return candidates[-1]


class PgCluster:
    """A throwaway cluster owned by the postgres user (the scripts run as root in CI)."""

    def __init__(self, port: int = 0):
        self.port = port or free_port()
        self.root = Path(tempfile.mkdtemp(prefix="cstokb-pg-"))
        self.data = self.root / "data"
        self.bin = pg_bin()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/cstokb"

    def _as_postgres(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        cmd = list(args)
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, check=check, capture_output=True, text=True)  # noqa: S603

    def init(self) -> None:
        os.chmod(self.root, 0o755)  # noqa: S103 - the postgres user must reach its data dir
        self.data.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.data, "postgres", "postgres")
            shutil.chown(self.root, "postgres", "postgres")
        self._as_postgres(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        self.start()
        subprocess.run(  # noqa: S603
            [*self.psql_args("postgres"), "-qc", "CREATE DATABASE cstokb"],
            check=True, capture_output=True,
        )  # fmt: skip

    def start(self) -> None:
        base = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c max_connections=200"
        )
        # Larger buffers where the host allows them; the defaults where it does not (a
        # container's shared-memory limit), rather than no benchmark at all.
        for options in (base + " -c shared_buffers=256MB", base):
            result = self._as_postgres(
                str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"),
                "-w", "start", "-o", options, check=False,
            )  # fmt: skip
            if result.returncode == 0:
                return
            log_path = self.root / "log"
            tail = log_path.read_text()[-1500:] if log_path.exists() else ""
            log(f"PostgreSQL did not start with {options!r}:\n{result.stdout}{result.stderr}{tail}")
        raise RuntimeError(f"PostgreSQL would not start on 127.0.0.1:{self.port}; see above")

    def stop(self, check: bool = True) -> None:
        self._as_postgres(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop",
            check=check,
        )  # fmt: skip

    def psql_args(self, database: str) -> list[str]:
        return [str(self.bin / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                "-d", database]  # fmt: skip

    def psql(self, sql: str) -> str:
        return subprocess.run(  # noqa: S603
            [*self.psql_args("cstokb"), "-At", "-c", sql],
            check=True, capture_output=True, text=True,
        ).stdout.strip()  # fmt: skip

    def destroy(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self.stop(check=False)
        shutil.rmtree(self.root, ignore_errors=True)


def app_env(database_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="cstokb.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY", "bench-" + "k" * 60),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_LOG_LEVEL="WARNING",
        # One client IP sends everything: the anonymous API throttle would answer 429.
        API_ANON_THROTTLE_RATE="100000000/minute",
        GUNICORN_ACCESSLOG="off",
        KB_REVISION_CACHE_MS="1000",  # the production default, stated for load.py's windows
    )
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str, capture: bool = False, root: Path = ROOT) -> str:
    """manage.py of the checkout at `root` (bench/compare.py runs a second one)."""
    result = subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", *args], cwd=root, env=env, check=False, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise RuntimeError(f"manage.py {' '.join(args)} failed")
    return result.stdout


class Server:
    """gunicorn or granian serving cstokb.wsgi on 127.0.0.1:port."""

    def __init__(
        self, kind: str, port: int, env: dict[str, str], workers: int = 3, root: Path = ROOT
    ):
        self.kind, self.port, self.env, self.workers = kind, port or free_port(), env, workers
        self.root = root
        self.proc: subprocess.Popen | None = None
        self.log_path = Path(tempfile.mkstemp(prefix=f"cstokb-{kind}-", suffix=".log")[1])

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        if self.kind.startswith("granian"):
            # As deployed: deploy/serve.py's options, bound here (environment(), below).
            return [PYTHON, "-m", "deploy.serve"]
        return [
            str(BIN / "gunicorn"), "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{self.port}",
            "--workers", str(self.workers), "cstokb.wsgi",
        ]  # fmt: skip

    def environment(self) -> dict[str, str]:
        if not self.kind.startswith("granian"):
            return self.env
        return {
            **self.env,
            "APP_BIND": f"127.0.0.1:{self.port}",
            "WEB_CONCURRENCY": str(self.workers),
            "APP_ACCESS_LOG": "0",
            "APP_LOG_LEVEL": self.env.get("APP_LOG_LEVEL", "warning"),
        }

    def start(self, timeout: float = 30) -> None:
        with open(self.log_path, "wb") as out:
            self.proc = subprocess.Popen(  # noqa: S603
                self.command(), cwd=self.root, env=self.environment(), stdout=out,
                stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.kind} exited: {self.log_path.read_text()[-2000:]}")
            status, _ = http_get(self.base + "/healthz", timeout=2)
            if status == 200:
                return
            time.sleep(0.2)
        raise RuntimeError(f"{self.kind} did not answer /healthz within {timeout} s")

    def worker_rss_mb(self) -> list[float]:
        """Resident memory of each worker process (children of the master)."""
        if not self.proc:
            return []
        return [round(rss / 1024, 1) for (rss,) in child_processes(self.proc.pid, "rss")]

    def worker_pids(self) -> list[int]:
        if not self.proc:
            return []
        return [pid for (pid,) in child_processes(self.proc.pid, "pid")]

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.proc = None


def wrk_command(
    base: str,
    paths: list[str],
    *,
    connections: int,
    duration: float,
    threads: int = 2,
    timeout: str = "5s",
    count_status: bool = False,
) -> tuple[list[str], dict[str, str]]:
    """(argv, environment) of wrk requesting `paths` in turn through bench/wrk.lua."""
    env = {**os.environ, "WRK_PATHS": "|".join(paths), "WRK_STATUS": "1" if count_status else ""}
    cmd = [
        WRK, "-t", str(threads), "-c", str(connections), "-d", f"{max(1, round(duration))}s",
        "--timeout", timeout, "-s", str(WRK_SCRIPT), base + paths[0],
    ]  # fmt: skip
    return cmd, env


def wrk(base: str, paths: list[str], **options) -> dict:
    """Run wrk (options as wrk_command's) and return its figures, times in ms."""
    cmd, env = wrk_command(base, paths, **options)
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout  # noqa: S603
    line = next(x for x in out.splitlines() if x.startswith("WRKJSON "))
    result = json.loads(line.removeprefix("WRKJSON "))
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    result["socket_errors"] = sum(result[k] for k in ("connect", "read", "write", "timeout"))
    for key in ("p50", "p90", "p95", "p99", "max", "mean"):
        result[f"{key}_ms"] = round(result.pop(f"{key}_us") / 1000, 2)
    return result


def prepare_database(
    env: dict[str, str],
    documents: int,
    presidencies: int,
    vocabulary: str = "dense",
    root: Path = ROOT,
) -> None:
    log(f"migrate, fixtures, collectstatic ({root})")
    manage(env, "migrate", "--noinput", "-v0", root=root)
    fixtures = sorted(str(p) for p in (root / "fixtures").glob("*.json"))
    manage(env, "loaddata", *fixtures, "-v0", root=root)
    manage(env, "collectstatic", "--noinput", "-v0", root=root)
    if documents:
        log(f"generate_corpus --documents {documents} --presidencies {presidencies} "
            f"--vocabulary {vocabulary}")  # fmt: skip
        log(manage(env, "generate_corpus", f"--documents={documents}",
                   f"--presidencies={presidencies}", f"--vocabulary={vocabulary}",
                   capture=True, root=root).strip())  # fmt: skip


def probe(env: dict[str, str], root: Path = ROOT) -> list[dict]:
    """The benchmark's URLs with their status and SQL queries (manage.py bench_probe)."""
    return json.loads(manage(env, "bench_probe", capture=True, root=root))


def stop_all(server: Server | None, redis: RedisServer | None, pg: PgCluster | None) -> None:
    """A run's `finally`: the server, Redis and PostgreSQL, each only if it was started."""
    if server:
        server.stop()
    if redis:
        redis.stop()
    if pg:
        pg.destroy()


def add_run_arguments(parser, *, documents: int, duration: float) -> None:
    """The options bench/run.py and bench/compare.py share: corpus size and wrk load."""
    parser.add_argument("--documents", type=int, default=documents, help="generated documents")
    parser.add_argument("--presidencies", type=int, default=20)
    parser.add_argument("--duration", type=float, default=duration, help="seconds of wrk per run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3)


def write_report(prefix: str, report: dict, failures: list[str]) -> int:
    """The report as JSON in bench/results/, each failure logged; the run's exit status."""
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"{prefix}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(report, indent=1))
    log(f"JSON written to {out}")
    for failure in failures:
        log(f"FAIL {failure}")
    return 1 if failures else 0
