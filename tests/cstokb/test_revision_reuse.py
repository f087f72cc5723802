"""A process may reuse its read of the knowledge-base revision briefly, never after its own edit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cstokb.cache import kb_version
from presidencies.models import KnowledgeBaseRevision, Theme

pytestmark = pytest.mark.django_db


def queries_for(func) -> int:
    with CaptureQueriesContext(connection) as queries:
        func()
    return len(queries)


def test_the_revision_is_read_once_within_the_window(seed, settings):
    settings.KB_REVISION_CACHE_MS = 60_000
    assert queries_for(kb_version) == 1
    assert queries_for(kb_version) == 0


def test_an_edit_in_this_process_is_seen_at_once(seed, settings):
    settings.KB_REVISION_CACHE_MS = 60_000
    before = kb_version()
    theme = Theme.objects.get(slug="peacekeeping")
    theme.description = "Changed."
    theme.save()
    assert kb_version() > before


def test_another_process_edit_is_seen_after_the_window(seed, settings, monkeypatch):
    settings.KB_REVISION_CACHE_MS = 1000
    clock = [1000.0]
    monkeypatch.setattr("cstokb.cache.time.monotonic", lambda: clock[0])
    before = kb_version()
    # Another worker's edit: the row changes without this process's signal.
    KnowledgeBaseRevision.objects.filter(pk=1).update(version=before + 5)
    assert kb_version() == before
    clock[0] += 1.5
    assert kb_version() == before + 5


def test_without_a_window_every_call_reads_the_row(seed, settings):
    settings.KB_REVISION_CACHE_MS = 0
    kb_version()
    assert queries_for(kb_version) == 1
