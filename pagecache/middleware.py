"""Anonymous GETs of public pages served whole from the cache framework.

Keyed and validated through cstokb.cache (the knowledge-base revision), so any editor's
change invalidates every page at once; it sets Cache-Control and an ETag and answers
conditional GETs with 304. The API sets its own validators, the admin is never cached.
"""

import logging

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers

from cstokb.cache import Validators, revision_cache
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

    def validators(self, request: HttpRequest) -> Validators:
        # The day is part of the key: the home page's "next meetings" change at midnight,
        # which is also why a page claims no Last-Modified (If-Modified-Since would keep
        # yesterday's copy).
        return Validators.of(
            "page", timezone.localdate().isoformat(), request.get_full_path(), last_modified=False
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self.applies(request):
            return self.get_response(request)
        try:
            validators = self.validators(request)
        except DB_ERRORS as exc:  # the revision lives in the database
            logger.warning("Database unavailable on %s: %s", request.path, exc)
            return unavailable_response(request)
        etag = validators.etag
        answer = validators.not_modified(request)
        if answer is not None:  # 304, or 412 for a failed If-Match
            return self.add_validators(answer, etag) if answer.status_code == 304 else answer
        if not (self.enabled and request.method == "GET"):
            response = self.get_response(request)
            if self.cacheable(response):
                self.add_validators(response, etag)
            return response

        def keep(response: HttpResponse) -> HttpResponse | None:
            if not self.cacheable(response):
                return None
            # Stored rendered, CSP header and nonce included, so that they match.
            return self.add_validators(response, etag)

        cached, response = revision_cache.get_or_render(
            validators.key, lambda: self.get_response(request), keep, self.timeout
        )
        return cached if cached is not None else response

    def add_validators(self, response: HttpResponse, etag: str) -> HttpResponse:
        response["ETag"] = etag
        response["Cache-Control"] = f"public, max-age={self.max_age}"
        patch_vary_headers(response, ["Cookie"])
        return response

    def cacheable(self, response: HttpResponse) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not response.has_header("Cache-Control")
            and not response.has_header("ETag")
        )
