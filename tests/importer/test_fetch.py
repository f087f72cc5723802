"""Import from a URL: pages served by a local HTTP server, and the refusals of the guard."""

import gzip
import io
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from documents.models import Document
from importer import fetch as fetch_module
from importer.analysis import MAX_BYTES
from importer.fetch import FetchError, fetch, vetted_addresses

DATA = Path(__file__).parent / "data"
PAGE = (DATA / "html" / "ministry_page.html").read_bytes()
TEXT = (DATA / "06_russia_2026_long_date.txt").read_bytes()
ADMIN = "/admin/documents/document/import/"
TITLE = "Minister's remarks on CSTO crisis response"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output quiet
        pass

    def send(self, status, body=b"", content_type="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in headers:
            self.send_header(name, value)
        if not any(name == "Content-Length" for name, _v in headers):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = self.path
        if path == "/page.html":
            self.send(200, PAGE)
        elif path == "/statement.txt":
            self.send(200, TEXT, "text/plain; charset=utf-8")
        elif path == "/cp1251.txt":
            body = "Заявление Министерства иностранных дел, 10 января 2026 года.".encode("cp1251")
            self.send(200, body, "text/plain; charset=windows-1251")
        elif path == "/moved":
            self.send(302, headers=[("Location", "/page.html")])
        elif path == "/loop-a":
            self.send(302, headers=[("Location", "/loop-b")])
        elif path == "/loop-b":
            self.send(301, headers=[("Location", "/loop-a")])
        elif path == "/to-metadata":
            self.send(302, headers=[("Location", "http://169.254.169.254/latest/meta-data/")])
        elif path == "/to-private":
            self.send(307, headers=[("Location", "http://10.20.30.40/statement")])
        elif path == "/image.png":
            self.send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")
        elif path == "/declared-huge":
            # Says it is 3 MB; the guard stops at the header.
            self.send(200, b"<html>", headers=[("Content-Length", str(3 * 1024 * 1024))])
        elif path == "/huge":
            # No length given, more than 2 MB sent: the guard counts what arrives.
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"word " * 20_000
            for _ in range(MAX_BYTES // len(chunk) + 2):
                self.wfile.write(chunk)
        elif path == "/bomb":
            # 4 MB of text in a small gzip body: the limit is on the text, not the wire.
            body = gzip.compress(b"a" * (4 * 1024 * 1024))
            self.send(200, body, "text/plain", headers=[("Content-Encoding", "gzip")])
        elif path == "/slow":
            time.sleep(3)
            self.send(200, b"late")
        elif path == "/missing":
            self.send(404, b"not here")
        else:
            self.send(500, b"")


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # the client hanging up on /huge or /slow is what the tests ask for


@pytest.fixture
def server():
    httpd = Server(("127.0.0.1", 0), Handler)  # a free port
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.fixture
def private_allowed(settings):
    settings.IMPORTER_ALLOW_PRIVATE_URLS = True


@pytest.fixture
def only_test_server_allowed(settings, monkeypatch):
    """The guard on, except for 127.0.0.1 (the test server): shows each redirect hop checked."""
    settings.IMPORTER_ALLOW_PRIVATE_URLS = False
    real = fetch_module._refused
    monkeypatch.setattr(fetch_module, "_refused", lambda a: a != "127.0.0.1" and real(a))


# --------------------------------------------------------------------------- fetching


def test_page_is_fetched(server, private_allowed):
    page = fetch(f"{server}/page.html")
    assert page.url == f"{server}/page.html"
    assert page.content_type == "text/html"
    assert page.text == PAGE.decode("utf-8")


def test_redirect_followed_to_the_page(server, private_allowed):
    assert fetch(f"{server}/moved").url == f"{server}/page.html"


def test_charset_from_the_header(server, private_allowed):
    assert fetch(f"{server}/cp1251.txt").text.startswith("Заявление Министерства")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/loop-a", "redirects in a loop"),
        ("/image.png", "is image/png, not an HTML page or a text"),
        ("/declared-huge", "larger than 2 MB"),
        ("/huge", "larger than 2 MB"),
        ("/bomb", "larger than 2 MB"),
        ("/missing", "answered 404"),
    ],
)
def test_bad_pages_refused(server, private_allowed, path, message):
    with pytest.raises(FetchError, match=message):
        fetch(server + path)


def test_slow_server_times_out(server, private_allowed, settings):
    settings.IMPORTER_FETCH_TIMEOUT = 1
    with pytest.raises(FetchError, match="did not answer within 1 seconds"):
        fetch(f"{server}/slow")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/statement",
        "http://10.0.0.7/statement",
        "http://169.254.169.254/latest/meta-data/",
        "http://192.168.1.1/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
    ],
)
def test_private_addresses_refused(settings, url):
    settings.IMPORTER_ALLOW_PRIVATE_URLS = False
    with pytest.raises(FetchError, match="loopback, private, link-local or reserved"):
        fetch(url)


def test_the_running_test_server_is_refused_without_the_setting(server, settings):
    settings.IMPORTER_ALLOW_PRIVATE_URLS = False
    with pytest.raises(FetchError, match="resolves to 127.0.0.1"):
        fetch(f"{server}/page.html")


@pytest.mark.parametrize(
    ("path", "address"), [("/to-metadata", "169.254.169.254"), ("/to-private", "10.20.30.40")]
)
def test_every_redirect_hop_is_checked(server, only_test_server_allowed, path, address):
    assert fetch(f"{server}/page.html").text  # the first hop alone is let through
    with pytest.raises(FetchError, match=f"resolves to {address}"):
        fetch(server + path)


def test_every_resolved_address_is_checked(settings, monkeypatch):
    """A name with one public and one private address is refused: the connection could go
    to either."""
    settings.IMPORTER_ALLOW_PRIVATE_URLS = False

    def resolve(host, port, *args, **kwargs):
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.1.1", port)),
        ]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    with pytest.raises(FetchError, match="resolves to 10.1.1.1"):
        vetted_addresses("mixed.example", 80)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("file:///etc/passwd", "Only http and https"),
        ("ftp://example.org/statement.txt", "Only http and https"),
        ("http://user:secret@example.org/", "user name or password"),
        ("http://host.invalid/", "could not be found"),
    ],
)
def test_other_urls_refused(settings, url, message):
    settings.IMPORTER_ALLOW_PRIVATE_URLS = False
    with pytest.raises(FetchError, match=message):
        fetch(url)


# --------------------------------------------------------------------------- the admin page


def test_admin_url_review_save(seed, editor_client, server, private_allowed):
    from tests.importer.test_admin import review_data

    response = editor_client.post(ADMIN, {"step": "source", "url": f"{server}/moved"})
    assert response.templates[0].name == "admin/importer/review.html"
    form = response.context["form"]
    assert form["title"].value() == TITLE
    assert form["source_url"].value() == f"{server}/page.html"  # after the redirect
    response = editor_client.post(ADMIN, review_data(response))
    assert response.status_code == 302
    document = Document.objects.get(title=TITLE)
    assert document.source_url == f"{server}/page.html"
    assert document.raw_text == PAGE.decode("utf-8")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/image.png", "is image/png"),
        ("/huge", "larger than 2 MB"),
        ("/loop-a", "redirects in a loop"),
    ],
)
def test_admin_failure_is_a_form_error(seed, editor_client, server, private_allowed, path, message):
    before = Document.objects.count()
    response = editor_client.post(ADMIN, {"step": "source", "url": server + path})
    assert response.status_code == 200
    assert response.templates[0].name == "admin/importer/source.html"
    assert any(message in e for e in response.context["form"].non_field_errors())
    assert Document.objects.count() == before


def test_admin_refuses_private_address(seed, editor_client, settings):
    settings.IMPORTER_ALLOW_PRIVATE_URLS = False
    response = editor_client.post(ADMIN, {"step": "source", "url": "http://169.254.169.254/"})
    errors = " ".join(response.context["form"].non_field_errors())
    assert "loopback, private, link-local or reserved" in errors
    assert response.templates[0].name == "admin/importer/source.html"


def test_admin_one_source_only(seed, editor_client, server, private_allowed):
    response = editor_client.post(
        ADMIN, {"step": "source", "url": f"{server}/page.html", "raw_text": "Statement."}
    )
    assert "not several" in " ".join(response.context["form"].non_field_errors())


def test_admin_bad_url_is_a_field_error(seed, editor_client):
    response = editor_client.post(ADMIN, {"step": "source", "url": "not a url at all"})
    assert response.context["form"].errors["url"]


# --------------------------------------------------------------------------- the command


def run(*args, stdin=None) -> str:
    out = io.StringIO()
    call_command("import_statement", *args, stdout=out, stdin=stdin)
    return out.getvalue()


def test_command_url_json_save(seed, server, private_allowed):
    payload = json.loads(run("--url", f"{server}/page.html", "--json", "--save"))
    assert payload["title"] == TITLE
    document = Document.objects.get(slug=payload["saved"])
    assert document.source_url == f"{server}/page.html"


def test_command_url_text(seed, server, private_allowed):
    out = run("--url", f"{server}/statement.txt")
    assert "Date:       2026-03-15" in out


def test_command_url_refused(seed, server, settings):
    settings.IMPORTER_ALLOW_PRIVATE_URLS = False
    before = Document.objects.count()
    with pytest.raises(CommandError, match="resolves to 127.0.0.1"):
        run("--url", f"{server}/page.html", "--save")
    assert Document.objects.count() == before


def test_command_url_wrong_type(seed, server, private_allowed):
    with pytest.raises(CommandError, match="is image/png"):
        run("--url", f"{server}/image.png", "--save")
    assert not Document.objects.filter(source_url__endswith="/image.png").exists()


def test_command_reads_standard_input(seed):
    payload = json.loads(run("-", "--json", stdin=io.BytesIO(TEXT)))
    assert payload["date"] == "2026-03-15"


def test_command_needs_exactly_one_source(seed, server):
    with pytest.raises(CommandError, match="one source"):
        run()
    with pytest.raises(CommandError, match="one source"):
        run("-", "--url", f"{server}/page.html")
