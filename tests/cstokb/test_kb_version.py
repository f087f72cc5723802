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
