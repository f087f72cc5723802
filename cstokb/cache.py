"""A version number for the whole knowledge base, bumped whenever an editor changes data.

Cached pages and fragments, ETags and Last-Modified headers key on it, so every change
invalidates them at once without tracking which page shows which row. The counter lives in
one database row, so all workers and servers agree on it; reading it is one primary-key
lookup. A process may reuse what it read for KB_REVISION_CACHE_MS (1 s by default), so a
cached page costs no query at all under load; an edit then shows on the other workers
within that time, and at once in the process that made it.
"""

import time

from django.apps import apps
from django.conf import settings
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone


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


revision_cache = RevisionCache()


def per_revision(name: str, build, timeout: int = 600):
    """`build()`'s result, computed once per knowledge-base revision and kept in the cache."""
    key = f"{name}:{kb_revision()}"
    value = revision_cache.get(key)
    if value is None:
        value = build()
        revision_cache.set(key, value, timeout)
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
