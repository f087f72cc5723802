"""HTTP caching for API reads: validators from the knowledge-base revision, a server-side cache.

Every change an editor makes bumps one revision row (cstokb.cache), so a read's ETag is a
hash of that revision, the URL and the negotiated format, known before any query runs:
a conditional GET that still matches is answered 304 after a single primary-key lookup,
and an anonymous read already rendered is served from the cache framework.

A plain anonymous GET (no credentials, no session, no validators) that was rendered before
is replayed before DRF starts: content negotiation, authentication and permissions would
only reach the answer already stored under the raw URL and Accept header. The throttle
still counts it.
"""

import hashlib

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_etags, parse_http_date_safe, quote_etag
from django.utils.translation import get_language
from rest_framework.request import Request

from cstokb.cache import kb_state, revision_cache, revision_key

SAFE = ("GET", "HEAD")


def _max_age() -> int:
    return settings.PUBLIC_CACHE_MAX_AGE


def _cache_enabled() -> bool:
    # The same switch as the public pages' cache (off to measure the views themselves).
    return settings.PAGE_CACHE_ENABLED


class ConditionalReadMixin:
    """For viewsets: ETag, Last-Modified, Cache-Control, 304s and cached anonymous reads."""

    cache_seconds = 600

    @staticmethod
    def _replay_key(request, revision: str) -> str | None:
        """The key of a replayable read, None when the request may be answered differently."""
        if request.method != "GET" or not _cache_enabled():
            return None
        headers = request.headers
        if "Authorization" in headers or "If-None-Match" in headers:
            return None
        if "If-Modified-Since" in headers or settings.SESSION_COOKIE_NAME in request.COOKIES:
            return None
        # The language too: labels and error texts follow Accept-Language (api.errors).
        basis = f"{revision}|{request.get_full_path()}|{headers.get('Accept', '')}|{get_language()}"
        return "api:raw:" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]

    def dispatch(self, request, *args, **kwargs):
        # One read of the revision per request, whichever way it is answered.
        self.kb_state = version, changed_at = kb_state()
        key = self._replay_key(request, revision_key(version, changed_at))
        stored = revision_cache.get(key) if key else None
        if stored is not None and all(
            throttle.allow_request(request, self) for throttle in self.get_throttles()
        ):
            content, content_type, etag = stored
            response = HttpResponse(content, content_type=content_type)
            self._decorate(response, etag, changed_at, anonymous=True)
            return response
        # Anything else (and a throttled client, for DRF's 429) takes the whole way.
        return super().dispatch(request, *args, **kwargs)

    def _validators(self, request: Request) -> tuple[str, str, object, str]:
        version, changed_at = self.kb_state
        revision = revision_key(version, changed_at)
        user = request.user.pk if request.user.is_authenticated else 0
        basis = "|".join(
            [
                revision,
                request.get_full_path(),
                request.accepted_media_type or "",
                str(user),
                get_language(),
            ]
        )
        digest = hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]
        return quote_etag(digest), f"api:{digest}", changed_at, revision

    def _decorate(self, response, etag: str, changed_at, anonymous: bool) -> None:
        response["ETag"] = etag
        if changed_at is not None:
            response["Last-Modified"] = http_date(changed_at.timestamp())
        # Public data, but an editor's browsable page carries their name and forms.
        response["Cache-Control"] = (
            f"public, max-age={_max_age()}" if anonymous else "private, no-cache"
        )
        patch_vary_headers(response, ["Accept", "Authorization", "Cookie"])

    @staticmethod
    def _not_modified(request: Request, etag: str, changed_at) -> bool:
        # If-None-Match wins over If-Modified-Since when both are sent (RFC 9110, 13.1.3).
        if_none_match = request.headers.get("If-None-Match")
        if if_none_match:
            return etag in parse_etags(if_none_match)
        since = parse_http_date_safe(request.headers.get("If-Modified-Since") or "")
        return since is not None and changed_at is not None and int(changed_at.timestamp()) <= since

    def conditional(self, request: Request, render):
        """Answer a read: 304 when the client's copy is current, else render (or reuse)."""
        etag, key, changed_at, revision = self._validators(request)
        anonymous = not request.user.is_authenticated
        use_cache = anonymous and request.method == "GET" and _cache_enabled()
        if self._not_modified(request, etag, changed_at):
            response = HttpResponse(status=304)
            self._decorate(response, etag, changed_at, anonymous)
            return response
        if not use_cache:
            response = render()
            if response.status_code == 200:
                self._decorate(response, etag, changed_at, anonymous)
            return response
        cached, claimed = revision_cache.get(key), False
        if cached is None:
            # Another worker already rendering this read: wait for its copy.
            cached, claimed = revision_cache.claim(key)
        if cached is not None:
            content, content_type = cached
            response = HttpResponse(content, content_type=content_type)
            self._decorate(response, etag, changed_at, anonymous)
            return response
        try:
            response = render()
        except BaseException:
            if claimed:
                revision_cache.release(key)
            raise
        if response.status_code != 200:
            if claimed:
                revision_cache.release(key)
            return response
        self._decorate(response, etag, changed_at, anonymous)
        replay_key = self._replay_key(request._request, revision)

        def store(rendered) -> None:
            try:
                # An empty body has no Content-Type (DRF drops it): nothing worth replaying.
                content_type = rendered.get("Content-Type")
                if content_type:
                    revision_cache.set(key, (rendered.content, content_type), self.cache_seconds)
                    if replay_key:
                        value = (rendered.content, content_type, etag)
                        revision_cache.set(replay_key, value, self.cache_seconds)
            finally:
                if claimed:
                    revision_cache.release(key)

        response.add_post_render_callback(store)
        return response

    def list(self, request, *args, **kwargs):
        return self.conditional(request, lambda: super(ConditionalReadMixin, self).list(request))

    def retrieve(self, request, *args, **kwargs):
        return self.conditional(
            request, lambda: super(ConditionalReadMixin, self).retrieve(request, *args, **kwargs)
        )
