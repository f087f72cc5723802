"""Anonymous GETs of public pages served whole from the cache framework.

Keyed on the knowledge-base revision (cstokb.cache.kb_revision), so any editor's change
invalidates every page at once; it sets Cache-Control and an ETag and answers conditional
GETs with 304. The API sets its own ETags, the admin is never cached.
"""

import hashlib
import logging

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags, quote_etag

from cstokb.cache import kb_revision, revision_cache
from health.middleware import DB_ERRORS, unavailable_response

logger = logging.getLogger(__name__)


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
        return f"page:{kb_revision()}:{digest}"

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
