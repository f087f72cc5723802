"""HTTP caching for API reads, through cstokb.cache: validators from the knowledge-base
revision, the shared response cache.

A read's ETag is a hash of the revision, the URL, the negotiated format, the user and the
language, known before any query runs: a conditional GET that still matches is answered 304
after a single primary-key lookup, and an anonymous read already rendered is served from
the cache.

A plain anonymous GET (no credentials, no session, no validators) that was rendered before
is replayed before DRF starts: content negotiation, authentication and permissions would
only reach the answer already stored under the raw URL and Accept header. The throttle
still counts it.
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import get_language
from rest_framework.request import Request

from cstokb.cache import Validators, cache_key, kb_state, revision_cache, revision_key

REPLAY_BLOCKERS = ("Authorization", "If-None-Match", "If-Modified-Since", "If-Match")


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
        if any(name in headers for name in REPLAY_BLOCKERS):
            return None
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return None
        # The language too: labels and error texts follow Accept-Language (api.errors).
        return cache_key(
            "api:raw",
            request.get_full_path(),
            headers.get("Accept", ""),
            get_language(),
            revision=revision,
        )

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
            stamp = changed_at.timestamp() if changed_at is not None else None
            self._decorate(response, etag, stamp, anonymous=True)
            return response
        # Anything else (and a throttled client, for DRF's 429) takes the whole way.
        return super().dispatch(request, *args, **kwargs)

    def _validators(self, request: Request) -> Validators:
        user = request.user.pk if request.user.is_authenticated else 0
        return Validators.of(
            "api",
            request.get_full_path(),
            request.accepted_media_type or "",
            user,
            get_language(),
            state=self.kb_state,
        )

    def _decorate(self, response, etag: str, last_modified, anonymous: bool) -> None:
        response["ETag"] = etag
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified)
        # Public data, but an editor's browsable page carries their name and forms.
        response["Cache-Control"] = (
            f"public, max-age={_max_age()}" if anonymous else "private, no-cache"
        )
        patch_vary_headers(response, ["Accept", "Authorization", "Cookie"])

    def conditional(self, request: Request, render):
        """Answer a read: 304 when the client's copy is current, else render (or reuse)."""
        validators = self._validators(request)
        etag, changed_at = validators.etag, validators.last_modified
        anonymous = not request.user.is_authenticated
        answer = validators.not_modified(request)
        if answer is not None:  # 304, or 412 for a failed If-Match
            if answer.status_code == 304:
                self._decorate(answer, etag, changed_at, anonymous)
            return answer
        if not (anonymous and request.method == "GET" and _cache_enabled()):
            response = render()
            if response.status_code == 200:
                self._decorate(response, etag, changed_at, anonymous)
            return response
        replay_key = self._replay_key(request._request, revision_key(*self.kb_state))

        def rendered():
            response = render()
            if response.status_code == 200:
                self._decorate(response, etag, changed_at, anonymous)
            return response

        def keep(response):
            # An empty body has no Content-Type (DRF drops it): nothing worth replaying.
            content_type = response.get("Content-Type")
            if response.status_code != 200 or not content_type:
                return None
            if replay_key:
                value = (response.content, content_type, etag)
                revision_cache.set(replay_key, value, self.cache_seconds)
            return response.content, content_type

        cached, response = revision_cache.get_or_render(
            validators.key, rendered, keep, self.cache_seconds
        )
        if cached is not None:
            content, content_type = cached
            response = HttpResponse(content, content_type=content_type)
            self._decorate(response, etag, changed_at, anonymous)
        return response

    def list(self, request, *args, **kwargs):
        return self.conditional(request, lambda: super(ConditionalReadMixin, self).list(request))

    def retrieve(self, request, *args, **kwargs):
        return self.conditional(
            request, lambda: super(ConditionalReadMixin, self).retrieve(request, *args, **kwargs)
        )
