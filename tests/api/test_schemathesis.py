"""API v1 fuzzed against its own OpenAPI schema: Schemathesis drives a live server.

Two runs of the Schemathesis CLI against `/api/schema/` as the site serves it, with every
check (`--checks all`), positive and negative data, in all four phases (the schema's
examples, coverage, fuzzing, and stateful sequences through the schema's links):

* anonymous, the GET operations only: what the public can read; no failure of any check;
* an editor with a token, every operation (POST, PUT, PATCH and DELETE included); no
  failure either, except a well-formed body refused with a 400 by a rule between its own
  fields, which OpenAPI 3.0 cannot state (CROSS_FIELD_RULES): Schemathesis then counts a
  schema-valid request rejected (ST202). Each such failure must be one of those rules.

The live server is pytest-django's (`--liveserver 127.0.0.1` picks its address where
`localhost` resolves badly); it serves the test database, SQLite or the PostgreSQL of
DATABASE_URL alike. EXAMPLES bounds the run's size for CI.
"""

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
EXAMPLES = 10
TIMEOUT = 900
# Rules between a body's own fields (or stricter than the schema's `uri` format), refused with
# a 400 naming them: the only schema-valid requests the API may refuse.
CROSS_FIELD_RULES = (
    "Say what the quote backs",  # a citation names at least one of six targets
    "A document needs a title or a text.",
    "Only tick 'concluded' when the end date is unknown.",
    "The end date is before the start date.",
    # Django's URLValidator: a host label or top-level domain over 63 characters.
    "Enter a valid URL.",
)


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
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    shown = " ".join("Authorization: ..." if a.startswith("Authorization:") else a for a in command)
    output = f"{shown}\n\n{result.stdout}{result.stderr}"
    assert result.returncode in (0, 1) and report.exists(), output
    tree = ET.parse(report)  # noqa: S314 - the report Schemathesis just wrote
    failures = [f.text or "" for f in tree.iter("failure")]
    errors = [e.text or "" for e in tree.iter("error")]
    assert not errors, output
    assert (result.returncode == 0) == (not failures), output
    return failures


def is_cross_field_refusal(failure: str) -> bool:
    """An ST202 (and nothing else) whose 400 names only rules of CROSS_FIELD_RULES."""
    codes = {line.strip()[2:7] for line in failure.splitlines() if line.strip().startswith("- ST")}
    return (
        codes == {"ST202"}
        and "[400] Bad Request" in failure
        and any(rule in failure for rule in CROSS_FIELD_RULES)
    )


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
    unexpected = [f for f in failures if not is_cross_field_refusal(f)]
    assert unexpected == [], "\n\n".join(unexpected)
