"""The knowledge base's revision and everything keyed on it: cache keys, the two-level
cache of pages, API reads and fragments, and the conditional-GET validators.

The revision is a version number bumped whenever an editor changes data. Cached pages and
fragments, ETags and Last-Modified headers key on it, so every change invalidates them at
once without tracking which page shows which row. The counter lives in one database row,
so all workers and servers agree on it; reading it is one primary-key lookup. A process
may reuse what it read for KB_REVISION_CACHE_MS (1 s by default), so a cached page costs
no query at all under load; an edit then shows on the other workers within that time, and
at once in the process that made it.
"""

import hashlib
import time
from collections.abc import Callable
from typing import NamedTuple

from django.apps import apps
from django.conf import settings
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag


def _revision_model():
    return apps.get_model(settings.KB_REVISION_MODEL)


# (monotonic deadline, (version, changed_at)) of this process's last read.
_recent: tuple[float, tuple[int, object]] | None = None


def forget_recent() -> None:
    global _recent
    _recent = None


def _current() -> tuple[int, object]:
    global _recent
    ttl = settings.KB_REVISION_CACHE_MS / 1000
    now = time.monotonic()
    if ttl and _recent is not None and _recent[0] > now:
        return _recent[1]
    row = _revision_model().objects.filter(pk=1).values_list("version", "changed_at").first()
    state = row if row else (0, None)
    _recent = (now + ttl, state) if ttl else None
    return state


def kb_version() -> int:
    return _current()[0]


def kb_changed_at():
    """When the knowledge base last changed (for Last-Modified); None before any change."""
    return _current()[1]


def kb_state() -> tuple[int, object]:
    """(version, changed_at) in one query, for callers that need both."""
    return _current()


def revision_key(version: int, changed_at) -> str:
    """The revision as every cache key and validator names it: the version and when it was
    set, since a version number alone repeats after a database restore."""
    stamp = int(changed_at.timestamp() * 1_000_000) if changed_at else 0
    return f"{version}.{stamp}"


def kb_revision() -> str:
    return revision_key(*_current())


def cache_key(namespace: str, *parts, revision: str | None = None) -> str:
    """`namespace:revision:digest`, the key of an entry that belongs to one revision of the
    knowledge base; `parts` say what else the entry depends on (path, format, language...)."""
    revision = kb_revision() if revision is None else revision
    basis = "|".join(str(part) for part in parts)
    digest = hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]
    return f"{namespace}:{revision}:{digest}"


class Validators(NamedTuple):
    """A response's cache key and its conditional-GET validators, from one revision."""

    key: str
    etag: str  # quoted, as sent
    last_modified: float | None  # a timestamp, None when the response must not claim one

    @classmethod
    def of(cls, namespace: str, *parts, state=None, last_modified: bool = True) -> "Validators":
        version, changed_at = _current() if state is None else state
        key = cache_key(namespace, *parts, revision=revision_key(version, changed_at))
        etag = quote_etag(key.split(":", 1)[1])
        stamp = changed_at.timestamp() if last_modified and changed_at is not None else None
        return cls(key, etag, stamp)

    def not_modified(self, request: HttpRequest) -> HttpResponse | None:
        """Django's own conditional GET (as `condition` and ConditionalGetMiddleware run it):
        the 304 (or 412) to send when the client's copy is current, else None."""
        stamp = int(self.last_modified) if self.last_modified is not None else None
        return get_conditional_response(request, etag=self.etag, last_modified=stamp)


class RevisionCache:
    """The cache for entries whose key holds the knowledge-base revision (pages, API reads).

    Such an entry never changes under its key: a new revision means new keys. So with a
    shared cache (Redis, `REDIS_URL`) each process also keeps what it read in local memory
    (the "local" cache) and asks Redis only for what it has not seen; Redis still spares
    every other worker and server the view. Without Redis the default cache is local memory
    and there is one level.

    A miss that is being computed elsewhere is waited for rather than computed again
    (`claim`): after an edit, every worker would otherwise render the same expensive page at
    once, and at 100,000 documents a search can take seconds.
    """

    WAIT_SECONDS = 10.0  # a waiter gives up and renders the page itself after this
    CLAIM_SECONDS = 30  # a claim left by a crashed worker expires after this
    POLL_SECONDS = 0.02

    @staticmethod
    def _levels():
        from django.core.cache import caches

        shared = caches["default"]
        local = caches["local"] if "local" in settings.CACHES else None
        return shared, local

    def get(self, key: str):
        shared, local = self._levels()
        if local is not None:
            value = local.get(key)
            if value is not None:
                return value
        value = shared.get(key)
        if value is not None and local is not None:
            local.set(key, value)
        return value

    def set(self, key: str, value, timeout: int) -> None:
        shared, local = self._levels()
        shared.set(key, value, timeout)
        if local is not None:
            local.set(key, value, timeout)

    def claim(self, key: str):
        """(value, claimed): the value once another worker has stored it, or claimed=True
        when this caller should compute it and then `release(key)`."""
        shared, _local = self._levels()
        claim = f"{key}:claim"
        if shared.add(claim, 1, self.CLAIM_SECONDS):
            return None, True
        deadline = time.monotonic() + self.WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(self.POLL_SECONDS)
            value = self.get(key)
            if value is not None:
                return value, False
            if shared.get(claim) is None:
                break  # released with nothing stored (an error page), or the cache is down
        return None, False

    def release(self, key: str) -> None:
        shared, _local = self._levels()
        shared.delete(f"{key}:claim")

    def get_or_render(self, key: str, render: Callable, keep: Callable, timeout: int):
        """(value, None) when `key` is cached (or another worker stored it while this one
        waited), else (None, render()): pages, API reads and fragments alike.

        `keep(response)` gives what to store, or None to store nothing; it runs once the
        response is rendered (a DRF response renders after the view returns), and the
        claim is released after it."""
        value = self.get(key)
        if value is not None:
            return value, None
        value, claimed = self.claim(key)
        if value is not None:
            return value, None
        try:
            response = render()
        except BaseException:
            if claimed:
                self.release(key)
            raise

        def store(rendered) -> None:
            try:
                kept = keep(rendered)
                if kept is not None:
                    self.set(key, kept, timeout)
            finally:
                if claimed:
                    self.release(key)

        if getattr(response, "is_rendered", True):
            store(response)
        else:
            response.add_post_render_callback(store)
        return None, response


revision_cache = RevisionCache()


def per_revision(name: str, build, timeout: int = 600, parts: tuple = ()):
    """`build()`'s result, computed once per knowledge-base revision (and per `parts`, e.g.
    the language) and kept in the cache; built every time with FRAGMENT_CACHE_ENABLED off."""
    if not settings.FRAGMENT_CACHE_ENABLED:
        return build()
    value, built = revision_cache.get_or_render(cache_key(name, *parts), build, _same, timeout)
    return built if value is None else value


def _same(value):
    return value


def bump_kb_version(**_kwargs) -> None:
    forget_recent()
    model = _revision_model()
    updated = model.objects.filter(pk=1).update(version=F("version") + 1, changed_at=timezone.now())
    if not updated:
        model.objects.get_or_create(pk=1)


def _on_change(sender, **kwargs) -> None:
    if sender._meta.app_label in settings.KB_APPS and sender is not _revision_model():
        bump_kb_version()


def connect_signals() -> None:
    post_save.connect(_on_change, dispatch_uid="kb-version-save")
    post_delete.connect(_on_change, dispatch_uid="kb-version-delete")
    m2m_changed.connect(_on_change, dispatch_uid="kb-version-m2m")
