"""Middleware: a database outage answers 503, and anonymous public pages are cached.

DatabaseUnavailableMiddleware turns OperationalError/InterfaceError into a quick 503 (an HTML
page, or JSON under /api/) with Retry-After. Errors raised by views are caught in
process_exception; errors raised elsewhere (another middleware saving a session, a lazy
template) are flagged by a got_request_exception receiver and the 500 swapped for a 503.
Django closes the broken connection at the end of the request, so the next request
reconnects by itself once PostgreSQL is back.

PublicPageCacheMiddleware serves anonymous GETs of public pages from the cache framework,
keyed on the knowledge-base version (cstokb.cache.kb_version), so any editor's change
invalidates every page at once; it sets Cache-Control and an ETag and answers conditional
GETs with 304. The API sets its own ETags, the admin is never cached.
"""

import hashlib
import logging
import sys

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags, quote_etag

from cstokb.cache import kb_version, revision_cache

logger = logging.getLogger(__name__)

DB_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = "5"


def wants_json(request: HttpRequest) -> bool:
    return request.path.startswith("/api/") or "application/json" in request.headers.get(
        "Accept", ""
    )


def unavailable_response(request: HttpRequest) -> HttpResponse:
    """The 503 answer; rendered without a request so no context processor touches the DB."""
    if wants_json(request):
        response = JsonResponse(
            {
                "detail": "The database is temporarily unavailable. Please retry shortly.",
                "code": "database_unavailable",
            },
            status=503,
        )
    else:
        # This middleware stands outside LocaleMiddleware: the language is read from the path.
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        with translation.override(language):
            body = loader.get_template("503.html").render({"retry_after": RETRY_AFTER_SECONDS})
        response = HttpResponse(body, status=503)
    response["Retry-After"] = RETRY_AFTER_SECONDS
    response["Cache-Control"] = "no-store"
    return response


def _flag_database_error(sender, request=None, **kwargs) -> None:
    exc = sys.exc_info()[1]
    if request is not None and isinstance(exc, DB_ERRORS):
        request._database_unavailable = True


def connect_signals() -> None:
    got_request_exception.connect(_flag_database_error, dispatch_uid="ops-database-error")


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, "_database_unavailable", False):
            return unavailable_response(request)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception):
        if isinstance(exception, DB_ERRORS):
            logger.warning("Database unavailable on %s: %s", request.path, exception)
            return unavailable_response(request)
        return None


class PublicPageCacheMiddleware:
    """Whole-response cache and conditional GET for anonymous visitors of public pages."""

    EXCLUDED_PREFIXES = ("/api/", "/static/", "/healthz", "/readyz")

    def __init__(self, get_response):
        self.get_response = get_response
        self.max_age = settings.PUBLIC_CACHE_MAX_AGE
        self.timeout = settings.PAGE_CACHE_SECONDS
        self.enabled = settings.PAGE_CACHE_ENABLED
        self.admin_prefix = "/" + settings.ADMIN_URL

    def applies(self, request: HttpRequest) -> bool:
        if request.method not in ("GET", "HEAD"):
            return False
        path = request.path
        if path.startswith(self.EXCLUDED_PREFIXES) or path.startswith(self.admin_prefix):
            return False
        # A session cookie means an editor (or someone who logged in): never share their pages.
        return settings.SESSION_COOKIE_NAME not in request.COOKIES

    def key(self, request: HttpRequest) -> str:
        # The day is part of the key: the home page's "next meetings" change at midnight.
        basis = f"{timezone.localdate().isoformat()}|{request.get_full_path()}"
        digest = hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]
        return f"page:{kb_version()}:{digest}"

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self.applies(request):
            return self.get_response(request)
        try:
            key = self.key(request)
        except DB_ERRORS as exc:  # the revision lives in the database
            logger.warning("Database unavailable on %s: %s", request.path, exc)
            return unavailable_response(request)
        etag = quote_etag(key.split(":", 1)[1])
        if_none_match = request.headers.get("If-None-Match")
        if if_none_match and (etag in parse_etags(if_none_match) or if_none_match == "*"):
            return self.not_modified(etag)
        if not (self.enabled and request.method == "GET"):
            response = self.get_response(request)
            if self.cacheable(response):
                self.add_validators(response, etag)
            return response
        cached = revision_cache.get(key)
        if cached is not None:
            return cached
        # Another worker already rendering this page: wait for its copy.
        cached, claimed = revision_cache.claim(key)
        if cached is not None:
            return cached
        try:
            response = self.get_response(request)
            if self.cacheable(response):
                self.add_validators(response, etag)
                # Stored rendered, CSP header and nonce included, so that they match.
                revision_cache.set(key, response, self.timeout)
            return response
        finally:
            if claimed:
                revision_cache.release(key)

    def add_validators(self, response: HttpResponse, etag: str) -> None:
        response["ETag"] = etag
        response["Cache-Control"] = f"public, max-age={self.max_age}"
        patch_vary_headers(response, ["Cookie"])

    def cacheable(self, response: HttpResponse) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not response.has_header("Cache-Control")
            and not response.has_header("ETag")
        )

    def not_modified(self, etag: str) -> HttpResponse:
        response = HttpResponse(status=304)
        response["ETag"] = etag
        response["Cache-Control"] = f"public, max-age={self.max_age}"
        response["Vary"] = "Cookie"
        return response
