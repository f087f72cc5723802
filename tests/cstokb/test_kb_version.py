"""The knowledge-base version that cache keys and HTTP validators depend on."""

import pytest

from cstokb.cache import kb_changed_at, kb_state, kb_version
from tests.factories import CitationFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_every_change_bumps_the_version_in_the_database():
    start = kb_version()
    theme = ThemeFactory()
    after_create = kb_version()
    assert after_create > start
    theme.name = "Renamed"
    theme.save()
    assert kb_version() > after_create
    before_delete = kb_version()
    theme.delete()
    assert kb_version() > before_delete
    assert kb_state() == (kb_version(), kb_changed_at())


def test_many_to_many_changes_bump_the_version():
    citation = CitationFactory()
    priority, document = citation.priority, citation.document
    before = kb_version()
    priority.instruments.add(document)
    assert kb_version() > before


def test_reading_the_version_is_one_query(django_assert_num_queries):
    with django_assert_num_queries(1):
        kb_version()


def test_a_version_number_repeated_by_a_restore_names_a_new_revision(db):
    """Keys and validators name the revision by version and time: a database restored from
    a backup can reach an old version number again, and must not meet the old cached pages."""
    import datetime

    from cstokb.cache import forget_recent, kb_revision
    from presidencies.models import KnowledgeBaseRevision

    row, _ = KnowledgeBaseRevision.objects.get_or_create(pk=1)
    before = kb_revision()
    KnowledgeBaseRevision.objects.filter(pk=1).update(
        changed_at=row.changed_at + datetime.timedelta(seconds=1)
    )
    forget_recent()
    assert KnowledgeBaseRevision.objects.get(pk=1).version == row.version
    assert kb_revision() != before
