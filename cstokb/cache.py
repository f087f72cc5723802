"""A version number for the whole knowledge base, bumped whenever an editor changes data.

Cached pages and fragments, API ETags and Last-Modified headers key on it, so every
change invalidates them at once without tracking which page shows which row.
"""

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

VERSION_KEY = "kb:version"
CHANGED_KEY = "kb:changed-at"
KB_APPS = {"presidencies", "documents"}


def kb_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # A new cache (restart, another server): start from a value no earlier cache used.
        version = int(timezone.now().timestamp() * 1000)
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def kb_changed_at():
    """When the knowledge base last changed, as far as this cache knows (for Last-Modified)."""
    return cache.get(CHANGED_KEY)


def bump_kb_version(**_kwargs) -> None:
    kb_version()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, int(timezone.now().timestamp() * 1000), timeout=None)
    cache.set(CHANGED_KEY, timezone.now(), timeout=None)


def _on_change(sender, **kwargs) -> None:
    if sender._meta.app_label in KB_APPS:
        bump_kb_version()


def connect_signals() -> None:
    post_save.connect(_on_change, dispatch_uid="kb-version-save")
    post_delete.connect(_on_change, dispatch_uid="kb-version-delete")
    m2m_changed.connect(_on_change, dispatch_uid="kb-version-m2m")
