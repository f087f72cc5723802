"""API v1 fuzzed against its own OpenAPI schema: Schemathesis drives a live server.

Two runs of the Schemathesis CLI against `/api/schema/` as the site serves it, with every
check (`--checks all`), positive and negative data, in all four phases (the schema's
examples, coverage, fuzzing, and stateful sequences through the schema's links):

* anonymous, the GET operations only: what the public can read;
* an editor with a token, every operation (POST, PUT, PATCH and DELETE included);

with no failure of any check in either. The hooks (schemathesis_hooks.py) read every CSV
response with the `csv` module and keep positive bodies within the schema's `x-field-rules`.

The live server is pytest-django's (`--liveserver 127.0.0.1` picks its address where
`localhost` resolves badly); it serves the test database, SQLite or the PostgreSQL of
DATABASE_URL alike. SCHEMATHESIS_EXAMPLES (examples per operation, 10 by default) bounds the
run's size for CI; the full output goes to the captured output (`-s` shows it).
"""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.servers import basehttp
from knox.models import get_token_model
from rest_framework.throttling import AnonRateThrottle

pytestmark = pytest.mark.django_db(transaction=True)

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
HOOKS = Path(__file__).with_name("schemathesis_hooks.py")
EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "10"))
# Ten examples take a few minutes; a hundred about ten times as long.
TIMEOUT = max(900, 120 * EXAMPLES)


# --- The live server: behave like a production server (granian, gunicorn) on the wire -----


class _BodyThenStream:
    """A de-chunked request body, then the connection's own stream (the next request)."""

    def __init__(self, body: bytes, stream):
        self._body, self._offset, self._stream = body, 0, stream

    def _take(self, size: int, line: bool) -> bytes:
        rest = self._body[self._offset :]
        if line and b"\n" in rest:
            rest = rest[: rest.index(b"\n") + 1]
        if size is not None and size >= 0:
            rest = rest[:size]
        self._offset += len(rest)
        return rest

    def read(self, size=-1):
        if self._offset < len(self._body) or size == 0:
            return self._take(size, line=False)
        return self._stream.read(size)

    def readline(self, size=-1):
        if self._offset < len(self._body) or size == 0:
            return self._take(size, line=True)
        return self._stream.readline(size)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _read_chunked(stream) -> bytes:
    body = b""
    while size := int(stream.readline(65537).split(b";")[0].strip() or b"0", 16):
        body += stream.read(size)
        stream.readline(65537)  # the CRLF after the chunk
    while stream.readline(65537) not in (b"\r\n", b"\n", b""):
        pass  # trailer fields
    return body


@pytest.fixture
def http11_live_server(live_server, monkeypatch):
    """The live server, with two fixes to Django's development request handler.

    * TCP_NODELAY: the handler writes a response's headers and body separately; with
      Nagle's algorithm on, each keep-alive request then waits ~40 ms for a delayed ACK,
      which makes the fuzzing runs several times longer.
    * Chunked request bodies: requests sends an empty body (a form whose fields were all
      null) as `Transfer-Encoding: chunked`. granian and gunicorn read it; Django's handler
      does not, takes the trailing `0` for the next request line and breaks the connection.
    """
    monkeypatch.setattr(basehttp.WSGIRequestHandler, "disable_nagle_algorithm", True)
    parse_request = basehttp.WSGIRequestHandler.parse_request

    def parse_chunked_request(self):
        if not parse_request(self):
            return False
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            body = _read_chunked(self.rfile)
            del self.headers["Transfer-Encoding"]
            del self.headers["Content-Length"]
            self.headers["Content-Length"] = str(len(body))
            self.rfile = _BodyThenStream(body, self.rfile)
        return True

    monkeypatch.setattr(basehttp.WSGIRequestHandler, "parse_request", parse_chunked_request)
    return live_server


# --- Data, credentials, settings -----------------------------------------------------------


@pytest.fixture
def editor_token(transactional_db, editor) -> str:
    return get_token_model().objects.create(user=editor, name="schemathesis")[1]


@pytest.fixture
def fuzzing_settings(settings, monkeypatch):
    """No anonymous throttle (the fuzzer would be answered 429) and no stale cached reads."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_CLASSES": [],
        "DEFAULT_THROTTLE_RATES": {"anon": None},
    }
    # The views and the throttle class copied the settings when they were imported, so the
    # override above does not reach them: a rate of None is what turns the throttle off.
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": None})
    # Cached anonymous reads are keyed on the KB revision, which restarts with each test's
    # fresh database: entries from an earlier test would be served as current.
    cache.clear()
    yield
    cache.clear()


# --- The runs --------------------------------------------------------------------------------


def run_schemathesis(base_url: str, workdir: Path, *args: str) -> list[str]:
    """Run the CLI; the text of each failure in its JUnit report."""
    report = workdir / "junit.xml"
    command = [
        str(SCHEMATHESIS),
        "run",
        f"{base_url}/api/schema/",
        "--url",
        base_url,
        "--checks",
        "all",
        "--mode",
        "all",
        "--phases",
        "examples,coverage,fuzzing,stateful",
        "--max-examples",
        str(EXAMPLES),
        "--seed",
        "1",
        # One request at a time: on SQLite the server's threads share one connection.
        "--workers",
        "1",
        # Only the credentials given here, never made-up ones.
        "--generation-with-security-parameters",
        "false",
        # No example database (.hypothesis/); the report goes to tmp_path.
        "--generation-database",
        "none",
        "--report",
        "junit",
        "--report-junit-path",
        str(report),
        "--no-color",
        *args,
    ]
    result = subprocess.run(  # noqa: S603 - our own command line
        command,
        cwd=workdir,
        env={**os.environ, "SCHEMATHESIS_HOOKS": str(HOOKS)},
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    shown = " ".join("Authorization: ..." if a.startswith("Authorization:") else a for a in command)
    output = f"{shown}\n\n{result.stdout}{result.stderr}"
    print(output)  # noqa: T201 - the run's report, shown with -s
    assert result.returncode in (0, 1) and report.exists(), output
    tree = ET.parse(report)  # noqa: S314 - the report Schemathesis just wrote
    failures = [f.text or "" for f in tree.iter("failure")]
    errors = [e.text or "" for e in tree.iter("error")]
    assert not errors, output
    assert (result.returncode == 0) == (not failures), output
    return failures


def test_anonymous_reads_conform_to_the_schema(
    http11_live_server, seed, fuzzing_settings, tmp_path
):
    failures = run_schemathesis(http11_live_server.url, tmp_path, "--include-method", "GET")
    assert failures == [], "\n\n".join(failures)


def test_editor_operations_conform_to_the_schema(
    http11_live_server, seed, editor_token, fuzzing_settings, tmp_path
):
    failures = run_schemathesis(
        http11_live_server.url,
        tmp_path,
        "--header",
        f"Authorization: Token {editor_token}",
    )
    assert failures == [], "\n\n".join(failures)
