"""Fetching a statement's page from a URL the editor gives, safely.

The server makes the request, so a URL must not reach what only the server can reach
(loopback, the private network, link-local metadata services such as 169.254.169.254).
Every address the host name resolves to is checked, for the first request and for every
redirect hop, and the connection is made to the checked address itself, so a second DNS
answer cannot swap in another one. settings.IMPORTER_ALLOW_PRIVATE_URLS lifts the check
(the tests serve pages from 127.0.0.1). Time, size, redirects and content type are bounded.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3
from django.conf import settings
from django.utils.translation import gettext as _
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from .analysis import MAX_BYTES, InputError, decode_input

MAX_REDIRECTS = 5
CONTENT_TYPES = {"text/html", "application/xhtml+xml", "text/plain"}
USER_AGENT = "CSTO-KB-importer/1.0 (+statement import for editors)"
META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)


class FetchError(Exception):
    """A URL that was not fetched; the message is for the editor."""


@dataclass
class Fetched:
    url: str  # after redirects
    text: str
    content_type: str


def _refused(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.version == 6 and ip.ipv4_mapped:  # ::ffff:127.0.0.1 is 127.0.0.1
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def vetted_addresses(host: str, port: int) -> list[str]:
    """The addresses `host` resolves to, or FetchError if any is not a public one."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchError(_("The host %(host)s could not be found.") % {"host": host}) from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not settings.IMPORTER_ALLOW_PRIVATE_URLS:
        refused = [a for a in addresses if _refused(a)]
        if refused:
            raise FetchError(
                _(
                    "The host %(host)s resolves to %(address)s, a loopback, private, "
                    "link-local or reserved address: the importer does not fetch from such "
                    "addresses."
                )
                % {"host": host, "address": refused[0]}
            )
    if not addresses:
        raise FetchError(_("The host %(host)s could not be found.") % {"host": host})
    return addresses


class _Vetted:
    """Connects to an address vetted just now, not to whatever the resolver says next."""

    def _new_conn(self):
        host = self._dns_host
        try:
            self._dns_host = vetted_addresses(host, self.port)[0]
            return super()._new_conn()
        finally:
            self._dns_host = host


class _HTTPConnection(_Vetted, HTTPConnection):
    pass


class _HTTPSConnection(_Vetted, HTTPSConnection):
    pass  # certificate and SNI still checked against the host name


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


def _pool_manager(timeout: float) -> urllib3.PoolManager:
    manager = urllib3.PoolManager(
        timeout=urllib3.Timeout(connect=timeout, read=timeout),
        retries=False,
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain;q=0.9"},
    )
    manager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}
    return manager


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(
            _("Only http and https addresses can be fetched, not “%(url)s”.") % {"url": url}
        )
    if not parts.hostname:
        raise FetchError(_("“%(url)s” names no host.") % {"url": url})
    if parts.username or parts.password:
        raise FetchError(_("An address with a user name or password is not fetched."))
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError(_("“%(url)s” has an invalid port.") % {"url": url}) from None
    vetted_addresses(parts.hostname, port)  # a clear message before any connection


def _decode(data: bytes, content_type: str) -> str:
    charset = re.search(r"charset=[\"']?([\w\-]+)", content_type, re.IGNORECASE)
    if charset is None and "html" in content_type:
        charset = META_CHARSET.search(data[:4096])
    name = charset.group(1) if charset else "utf-8"
    name = name.decode("ascii") if isinstance(name, bytes) else name
    try:
        text = data.decode(name)
    except LookupError:
        raise FetchError(
            _("The page declares an unknown character set (%(name)s).") % {"name": name}
        ) from None
    except UnicodeDecodeError as exc:
        raise FetchError(
            _("The page is not valid %(name)s (byte %(byte)s).") % {"name": name, "byte": exc.start}
        ) from None
    try:
        return decode_input(text.encode("utf-8"))
    except InputError as exc:
        raise FetchError(str(exc)) from None


def _too_large() -> str:
    return _("The page is larger than %(size)s MB.") % {"size": MAX_BYTES // 1024 // 1024}


def _read(response, deadline: float) -> bytes:
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > MAX_BYTES:
        raise FetchError(_too_large())
    chunks, size = [], 0
    # Content-Length may lie or be absent, and a compressed body grows: count what arrives.
    for chunk in response.stream(64 * 1024, decode_content=True):
        size += len(chunk)
        if size > MAX_BYTES:
            raise FetchError(_too_large())
        if time.monotonic() > deadline:
            raise FetchError(_("The page took too long to arrive."))
        chunks.append(chunk)
    return b"".join(chunks)


def fetch(url: str) -> Fetched:
    """The page at `url` as text, or FetchError saying why not."""
    timeout = settings.IMPORTER_FETCH_TIMEOUT
    deadline = time.monotonic() + timeout * 3
    manager = _pool_manager(timeout)
    seen = set()
    try:
        for _hop in range(MAX_REDIRECTS + 1):
            _check_url(url)
            if url in seen:
                raise FetchError(
                    _("The address redirects in a loop (back to %(url)s).") % {"url": url}
                )
            seen.add(url)
            response = manager.request(
                "GET", url, redirect=False, preload_content=False, retries=False
            )
            try:
                if response.status in (301, 302, 303, 307, 308):
                    location = response.headers.get("Location")
                    if not location:
                        raise FetchError(
                            _("%(url)s redirects without saying where.") % {"url": url}
                        )
                    url = urljoin(url, location)
                    continue
                if response.status != 200:
                    raise FetchError(
                        _("%(url)s answered %(status)s, not the page.")
                        % {"url": url, "status": response.status}
                    )
                content_type = response.headers.get("Content-Type", "")
                mime = content_type.split(";", 1)[0].strip().lower()
                if mime not in CONTENT_TYPES:
                    raise FetchError(
                        _("%(url)s is %(type)s, not an HTML page or a text.")
                        % {"url": url, "type": mime or _("of no stated type")}
                    )
                text = _decode(_read(response, deadline), content_type)
                return Fetched(url=url, text=text, content_type=mime)
            finally:
                response.release_conn()
        raise FetchError(
            _("The address redirects more than %(count)s times.") % {"count": MAX_REDIRECTS}
        )
    except urllib3.exceptions.TimeoutError:
        raise FetchError(
            _("%(url)s did not answer within %(seconds)s seconds.")
            % {"url": url, "seconds": f"{timeout:g}"}
        ) from None
    except urllib3.exceptions.HTTPError as exc:
        raise FetchError(
            _("%(url)s could not be fetched: %(error)s.")
            % {"url": url, "error": exc.__class__.__name__}
        ) from None
    finally:
        manager.clear()
